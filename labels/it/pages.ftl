# Etichette di ogni pagina: indice, versione, avvisi sulla lingua, unità.
# Mancano quelle di un accordo sul trattamento dei dati (parti, allegati):
# un corpus le scrive in locales/it/.

## Impaginazione
page-contents = Indice
page-version = Versione
page-effective-date = Data di entrata in vigore
page-colon = :
page-page = Pagina
page-language = Lingua:
page-between = Tra:
page-download-pdf = Scarica il PDF
# Come si chiama questa versione dove un’altra lingua vi rimanda.
page-edition = Versione italiana
# Come si chiama il testo prima della prima clausola nei confronti.
page-preamble = Preambolo

## Lingua vincolante
notice-binding-short = Versione italiana – vincolante
notice-binding-long = Il presente documento è redatto in lingua italiana. Solo la versione italiana è vincolante; qualsiasi traduzione è fornita a titolo puramente informativo.
# Una traduzione nomina la lingua vincolante, il cui codice è $binding.
notice-binding-language = { $binding ->
    [fr] francese
    [en] inglese
    [de] tedesca
    [es] spagnola
    [it] italiana
    [nl] olandese
   *[other] originale
  }
notice-translation-short = Traduzione – prevale la versione { notice-binding-language }
notice-translation-long = Il presente documento è una traduzione italiana, fornita a titolo puramente informativo. Solo la versione { notice-binding-language } è vincolante e prevale in caso di discordanza o di divergenza di interpretazione.

## Unità dei valori garantiti
unit-minutes = { $count ->
    [one] minuto
   *[other] minuti
  }
unit-hours = { $count ->
    [one] ora
   *[other] ore
  }
unit-days = { $count ->
    [one] giorno
   *[other] giorni
  }
unit-working-days = { $count ->
    [one] giorno lavorativo
   *[other] giorni lavorativi
  }
unit-weeks = { $count ->
    [one] settimana
   *[other] settimane
  }
unit-months = { $count ->
    [one] mese
   *[other] mesi
  }
unit-years = { $count ->
    [one] anno
   *[other] anni
  }
unit-audits-per-year = { $count ->
    [one] audit all’anno
   *[other] audit all’anno
  }
