# Labels van elke pagina: inhoud, versie, taalvermeldingen, eenheden.
# Die van een verwerkersovereenkomst (partijen, bijlagen) ontbreken: een
# corpus schrijft ze in locales/nl/.

## Opmaak
page-contents = Inhoud
page-version = Versie
page-effective-date = Datum van inwerkingtreding
page-colon = :
page-page = Pagina
page-language = Taal:
page-between = Tussen:
page-download-pdf = De pdf downloaden
# Hoe deze versie heet waar een andere taal ernaar verwijst.
page-edition = Nederlandse versie
# Hoe de tekst vóór het eerste artikel in vergelijkingen heet.
page-preamble = Preambule

## Bindende taal
notice-binding-short = Nederlandse versie – bindend
notice-binding-long = Dit document is in het Nederlands opgesteld. Alleen de Nederlandse versie is bindend; elke vertaling wordt uitsluitend ter informatie verstrekt.
# Een vertaling noemt de bindende taal, waarvan de code $binding is.
notice-binding-language = { $binding ->
    [fr] Franse
    [en] Engelse
    [de] Duitse
    [es] Spaanse
    [it] Italiaanse
    [nl] Nederlandse
   *[other] oorspronkelijke
  }
notice-translation-short = Vertaling – de { notice-binding-language } versie heeft voorrang
notice-translation-long = Dit document is een Nederlandse vertaling, uitsluitend ter informatie verstrekt. Alleen de { notice-binding-language } versie is bindend en heeft voorrang bij afwijkingen of verschillen in interpretatie.

## Eenheden van de toegezegde waarden
unit-minutes = { $count ->
    [one] minuut
   *[other] minuten
  }
unit-hours = { $count ->
    [one] uur
   *[other] uur
  }
unit-days = { $count ->
    [one] dag
   *[other] dagen
  }
unit-working-days = { $count ->
    [one] werkdag
   *[other] werkdagen
  }
unit-weeks = { $count ->
    [one] week
   *[other] weken
  }
unit-months = { $count ->
    [one] maand
   *[other] maanden
  }
unit-years = { $count ->
    [one] jaar
   *[other] jaar
  }
unit-audits-per-year = { $count ->
    [one] audit per jaar
   *[other] audits per jaar
  }
