# Libellés communs à tous les documents.
page-contents = Sommaire
page-version = Version
page-effective-date = Date d'entrée en vigueur
page-page = Page
page-language = Langue :
page-between = Entre :
page-download-pdf = Télécharger le PDF

notice-binding-short = Version française faisant foi
notice-binding-long = Le présent document est rédigé en français, seule version faisant foi.
notice-translation-short = Traduction – la version française prévaut
notice-translation-long = Le présent document est une traduction ; seule la version française fait foi.

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
unit-working-days = { $count ->
    [one] jour ouvré
   *[other] jours ouvrés
  }
unit-weeks = { $count ->
    [one] semaine
   *[other] semaines
  }
  .gender = feminine
unit-months = mois
unit-years = { $count ->
    [one] an
   *[other] ans
  }
unit-audits-per-year = { $count ->
    [one] audit par an
   *[other] audits par an
  }
