# Beschriftungen der Datenschutzerklärung.

privacy-row-purposes = Zwecke
privacy-row-legal-basis = Rechtsgrundlage
privacy-row-data = Verarbeitete Daten
privacy-row-recipients = Empfänger
privacy-row-transfers = Übermittlungen außerhalb der Europäischen Union
privacy-row-retention = Speicherdauer
privacy-recipient = { $name } ({ $role })
privacy-transfer = { $recipient }: { $mechanism }
privacy-no-transfer = Keine Übermittlung außerhalb der Europäischen Union
