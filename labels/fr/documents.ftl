# Libellés des documents : pages, annexes, avis de langue.

## Mise en page
page-contents = Sommaire
page-version = Version
page-effective-date = Date d'entrée en vigueur
# A label and what follows: French sets a no-break space before the colon.
page-colon = {"\u00A0"}:
page-page = Page
page-language = Langue :
page-between = Entre :
page-download-pdf = Télécharger le PDF
# Le nom de cette version, là où une autre langue y renvoie.
page-edition = Version française
# Le nom du texte qui précède la première clause, dans les comparaisons.
page-preamble = Préambule

## Langue faisant foi
notice-binding-short = Version française faisant foi
notice-binding-long = Le présent document est rédigé en français. Seule la version française fait foi ; toute traduction est fournie à titre d'information.
# Une traduction nomme la langue qui fait foi, dont le code est $binding.
notice-binding-language = { $binding ->
    [fr] française
    [en] anglaise
    [de] allemande
    [es] espagnole
    [it] italienne
    [nl] néerlandaise
   *[other] originale
  }
notice-translation-short = Traduction – la version { notice-binding-language } prévaut
notice-translation-long = Le présent document est une traduction française, fournie à titre d'information. Seule la version { notice-binding-language } fait foi et prévaut en cas de divergence ou de différence d'interprétation.

## Parties
role-processor = Sous-traitant
role-controller = Responsable du traitement
role-controllers = Responsable(s) du traitement
party-represented-by = Représentée par { $civility } { $name } en qualité de { $title }
party-dpo = Délégué à la protection des données personnelles :

## Annexes
annex-number = Annexe { $letter }
annex-heading = Annexe { $letter } – { $title }
annex-parties = Identification des Parties
annex-processing = Finalités et moyens du Traitement
annex-subprocessors = Liste des sous-traitants ultérieurs
annex-security = Mesures de sécurité et mesures organisationnelles

## Annexe B : description du traitement
processing-product = Solution { $name }
processing-caption = Description du traitement – { $name }
processing-item = Rubrique
processing-description = Description
processing-purposes = Finalité(s) du traitement
processing-purposes-intro = Le sous-traitant traite les données personnelles pour le compte du responsable du traitement aux seules fins de :
processing-legal-basis = Base légale
processing-data-subjects = Personnes concernées
processing-data = Données à caractère personnel concernées
processing-user = { $user } :
processing-user-channel = { $channel } – { $user } :
processing-retention = Durées de conservation
processing-operations = Nature du traitement
processing-recipients = Destinataires des données traitées
processing-subprocessors = Sous-traitants ultérieurs concernés : { $list }.
processing-rights = Gestion des droits des personnes concernées par le traitement

channel-gar = GAR
channel-outside-gar = Hors GAR

operation-collection = Collecte
operation-recording = Enregistrement
operation-storage = Conservation
operation-consultation = Consultation
operation-alteration = Modification
operation-erasure = Effacement

## Annexe C : sous-traitants ultérieurs
subprocessor-caption = Sous-traitants ultérieurs de { $processor }
subprocessor-column-name = Nom du sous-traitant ultérieur
subprocessor-column-siret = SIRET
subprocessor-column-registration = Immatriculation
subprocessor-column-activity = Activité sous-traitée
subprocessor-column-address = Adresse et lieu du traitement
subprocessor-column-transfer = Transfert de données personnelles hors UE
subprocessor-column-contract = Relation contractuelle
subprocessor-formerly = { $name } (anciennement { $former })
subprocessor-channels-only = { $activity } ({ $channels } uniquement)
subprocessor-location = Lieu du traitement : { $location }
subprocessor-transfer-no = Non
subprocessor-transfer-yes = Oui : { $mechanism }
subprocessor-transfer-yes-unspecified = Oui
subprocessor-head-office = Siège social : { $address }

## Annexe D : mesures de sécurité
security-general = Les mesures de sécurité générales de notre société
security-applications = Les mesures techniques spécifiques de nos applications
security-log-retention = Conservation des logs pendant { $kept }, puis archivage sécurisé pendant { $archived }.
backup-retention = { $frequency } : { $kept }
backup-daily = Quotidienne
backup-weekly = Hebdomadaire
backup-monthly = Mensuelle

## Unités des engagements chiffrés
unit-minutes = { $count ->
    [one] minute
   *[other] minutes
  }
  .gender = feminine
unit-hours = { $count ->
    [one] heure
   *[other] heures
  }
  .gender = feminine
unit-days = { $count ->
    [one] jour
   *[other] jours
  }
  .gender = masculine
unit-working-days = { $count ->
    [one] jour ouvré
   *[other] jours ouvrés
  }
  .gender = masculine
unit-weeks = { $count ->
    [one] semaine
   *[other] semaines
  }
  .gender = feminine
unit-months = mois
  .gender = masculine
unit-years = { $count ->
    [one] an
   *[other] ans
  }
  .gender = masculine
unit-audits-per-year = { $count ->
    [one] audit par an
   *[other] audits par an
  }
  .gender = masculine

## L'exemplaire d'un client (clausier clients build)
client-copy-footer = Exemplaire établi pour : { $client }
client-hereinafter = ci-après { $article } « { $term } »
client-hereinafter-bare = ci-après « { $term } »
client-signatory = Représenté(e) par { $name }, en qualité de { $title }
client-uai = UAI : { $uai }
client-siret = SIRET : { $siret }
client-vat = N° de TVA intracommunautaire : { $vat }
client-channel = Accès aux solutions : { $channel }
client-privacy-contact = Contact pour la protection des données :
signatures-title = Signatures
signatures-made = Fait à { $place }, le { $date }, en deux exemplaires originaux.
signatures-made-electronically = Fait à { $place }, le { $date }, et signé électroniquement.
signatures-in-binding = Les Parties signent la version qui fait foi ; la présente traduction n'est pas signée.
signatures-for-controller = Pour le Responsable du traitement
signatures-for-processor = Pour le Sous-traitant
signatures-name = Nom : { $name }
signatures-capacity = Qualité : { $title }
signatures-signature = Signature :
