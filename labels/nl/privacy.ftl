# Labels van de privacyverklaring.

privacy-row-purposes = Doeleinden
privacy-row-legal-basis = Rechtsgrond
privacy-row-data = Verwerkte gegevens
privacy-row-recipients = Ontvangers
privacy-row-transfers = Doorgiften buiten de Europese Unie
privacy-row-retention = Bewaartermijn
privacy-recipient = { $name } ({ $role })
privacy-transfer = { $recipient }: { $mechanism }
privacy-no-transfer = Geen doorgifte buiten de Europese Unie
