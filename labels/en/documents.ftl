# Document labels: pages, annexes, language notices.

## Layout
page-contents = Contents
page-version = Version
page-effective-date = Effective date
page-colon = :
page-page = Page
page-language = Language:
page-between = Between:
page-download-pdf = Download the PDF
# How this edition is named where another language links to it.
page-edition = English version
# How the text before the first clause is named in redlines.
page-preamble = Preamble

## Binding language
notice-binding-short = English version – binding
notice-binding-long = This document is written in English. Only the English version is binding; any translation is provided for information only.
# A translation names the binding language, whose code is $binding.
notice-binding-language = { $binding ->
    [fr] French
    [en] English
    [de] German
    [es] Spanish
    [it] Italian
    [nl] Dutch
   *[other] original
  }
notice-translation-short = Translation – the { notice-binding-language } version prevails
notice-translation-long = This document is an English translation, provided for information only. The { notice-binding-language } version is the only binding text and prevails in the event of any discrepancy or difference of interpretation.

## Parties
role-processor = Processor
role-controller = Controller
role-controllers = Controller(s)
party-represented-by = Represented by { $civility } { $name }, acting as { $title }
party-dpo = Data protection officer:

## Annexes
annex-number = Annex { $letter }
annex-heading = Annex { $letter } – { $title }
annex-parties = Identification of the Parties
annex-processing = Purposes and Means of the Processing
annex-subprocessors = List of Sub-processors
annex-security = Security Measures and Organisational Measures

## Annex B: description of the processing
processing-product = { $name } solution
processing-caption = Description of the processing – { $name }
processing-item = Item
processing-description = Description
processing-purposes = Purpose(s) of the processing
processing-purposes-intro = The processor processes personal data on behalf of the controller for the sole purposes of:
processing-legal-basis = Legal basis
processing-data-subjects = Data subjects
processing-data = Personal data concerned
processing-user = { $user }:
processing-user-channel = { $channel } – { $user }:
processing-retention = Retention periods
processing-operations = Nature of the processing
processing-recipients = Recipients of the processed data
processing-subprocessors = Sub-processors involved: { $list }.
processing-rights = Handling of the rights of data subjects

channel-gar = GAR
channel-outside-gar = Outside GAR

operation-collection = Collection
operation-recording = Recording
operation-storage = Storage
operation-consultation = Consultation
operation-alteration = Alteration
operation-erasure = Erasure

## Annex C: sub-processors
subprocessor-caption = Sub-processors of { $processor }
subprocessor-column-name = Name of the sub-processor
subprocessor-column-siret = SIRET
subprocessor-column-registration = Company registration
subprocessor-column-activity = Processing activity
subprocessor-column-address = Address and place of processing
subprocessor-column-transfer = Transfer of personal data outside the EU
subprocessor-column-contract = Contractual relationship
subprocessor-formerly = { $name } (formerly { $former })
subprocessor-channels-only = { $activity } ({ $channels } only)
subprocessor-location = Place of processing: { $location }
subprocessor-transfer-no = No
subprocessor-transfer-yes = Yes: { $mechanism }
subprocessor-transfer-yes-unspecified = Yes
subprocessor-head-office = Registered office: { $address }

## Annex D: security measures
security-general = General security measures of our company
security-applications = Technical measures specific to our applications
security-log-retention = Logs kept for { $kept }, then securely archived for { $archived }.
backup-retention = { $frequency }: { $kept }
backup-daily = Daily
backup-weekly = Weekly
backup-monthly = Monthly

## Units of the figures committed to
unit-minutes = { $count ->
    [one] minute
   *[other] minutes
  }
unit-hours = { $count ->
    [one] hour
   *[other] hours
  }
unit-days = { $count ->
    [one] day
   *[other] days
  }
unit-working-days = { $count ->
    [one] working day
   *[other] working days
  }
unit-weeks = { $count ->
    [one] week
   *[other] weeks
  }
unit-months = { $count ->
    [one] month
   *[other] months
  }
unit-years = { $count ->
    [one] year
   *[other] years
  }
unit-audits-per-year = { $count ->
    [one] audit per year
   *[other] audits per year
  }

## A client's copy (clausier clients build)
client-copy-footer = Prepared for { $client }
client-hereinafter = hereinafter { $article } “{ $term }”
client-hereinafter-bare = hereinafter “{ $term }”
client-signatory = Represented by { $name }, acting as { $title }
client-uai = UAI: { $uai }
client-siret = SIRET: { $siret }
client-vat = VAT number: { $vat }
client-channel = Access to the solutions: { $channel }
client-privacy-contact = Data protection contact:
signatures-title = Signatures
signatures-made = Signed in { $place } on { $date }, in two originals.
signatures-made-electronically = Signed electronically in { $place } on { $date }.
signatures-in-binding = The Parties sign the binding version; this translation is not signed.
signatures-for-controller = For the Controller
signatures-for-processor = For the Processor
signatures-name = Name: { $name }
signatures-capacity = Capacity: { $title }
signatures-signature = Signature:
