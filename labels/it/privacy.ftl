# Etichette dell’informativa sulla privacy.

privacy-row-purposes = Finalità
privacy-row-legal-basis = Base giuridica
privacy-row-data = Dati trattati
privacy-row-recipients = Destinatari
privacy-row-transfers = Trasferimenti al di fuori dell’Unione europea
privacy-row-retention = Periodo di conservazione
privacy-recipient = { $name } ({ $role })
privacy-transfer = { $recipient }: { $mechanism }
privacy-no-transfer = Nessun trasferimento al di fuori dell’Unione europea
