# Etiquetas de la política de privacidad.

privacy-row-purposes = Finalidades
privacy-row-legal-basis = Base jurídica
privacy-row-data = Datos tratados
privacy-row-recipients = Destinatarios
privacy-row-transfers = Transferencias fuera de la Unión Europea
privacy-row-retention = Plazo de conservación
privacy-recipient = { $name } ({ $role })
privacy-transfer = { $recipient }: { $mechanism }
privacy-no-transfer = Ninguna transferencia fuera de la Unión Europea
