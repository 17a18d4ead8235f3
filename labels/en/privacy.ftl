# Labels of the privacy policy.

privacy-row-purposes = Purposes
privacy-row-legal-basis = Legal basis
privacy-row-data = Data processed
privacy-row-recipients = Recipients
privacy-row-transfers = Transfers outside the European Union
privacy-row-retention = Retention period
privacy-recipient = { $name } ({ $role })
privacy-transfer = { $recipient }: { $mechanism }
privacy-no-transfer = No transfer outside the European Union
