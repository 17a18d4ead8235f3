# Libellés de la politique de confidentialité.

privacy-row-purposes = Finalités
privacy-row-legal-basis = Base légale
privacy-row-data = Données traitées
privacy-row-recipients = Destinataires
privacy-row-transfers = Transferts hors de l'Union européenne
privacy-row-retention = Durée de conservation
privacy-recipient = { $name } ({ $role })
privacy-transfer = { $recipient } : { $mechanism }
privacy-no-transfer = Aucun transfert hors de l'Union européenne
