# Beschriftungen jeder Seite: Inhalt, Fassung, Sprachhinweise, Einheiten.
# Die Beschriftungen eines Auftragsverarbeitungsvertrags (Parteien,
# Anlagen) fehlen: ein Korpus schreibt sie in locales/de/.

## Layout
page-contents = Inhalt
page-version = Fassung
page-effective-date = Gültig ab
page-colon = :
page-page = Seite
page-language = Sprache:
page-between = Zwischen:
page-download-pdf = PDF herunterladen
# Wie diese Fassung heißt, wo eine andere Sprache auf sie verweist.
page-edition = Deutsche Fassung
# Wie der Text vor der ersten Klausel in Vergleichen heißt.
page-preamble = Präambel

## Verbindliche Sprache
notice-binding-short = Deutsche Fassung – verbindlich
notice-binding-long = Dieses Dokument ist in deutscher Sprache verfasst. Nur die deutsche Fassung ist verbindlich; jede Übersetzung dient lediglich der Information.
# Eine Übersetzung nennt die verbindliche Sprache, deren Code $binding ist.
notice-binding-language = { $binding ->
    [fr] französische
    [en] englische
    [de] deutsche
    [es] spanische
    [it] italienische
    [nl] niederländische
   *[other] ursprüngliche
  }
notice-translation-short = Übersetzung – maßgeblich ist die { notice-binding-language } Fassung
notice-translation-long = Dieses Dokument ist eine deutsche Übersetzung und dient lediglich der Information. Allein die { notice-binding-language } Fassung ist verbindlich und geht bei Abweichungen oder Auslegungsunterschieden vor.

## Einheiten der zugesagten Werte
unit-minutes = { $count ->
    [one] Minute
   *[other] Minuten
  }
unit-hours = { $count ->
    [one] Stunde
   *[other] Stunden
  }
unit-days = { $count ->
    [one] Tag
   *[other] Tage
  }
unit-working-days = { $count ->
    [one] Arbeitstag
   *[other] Arbeitstage
  }
unit-weeks = { $count ->
    [one] Woche
   *[other] Wochen
  }
unit-months = { $count ->
    [one] Monat
   *[other] Monate
  }
unit-years = { $count ->
    [one] Jahr
   *[other] Jahre
  }
unit-audits-per-year = { $count ->
    [one] Audit pro Jahr
   *[other] Audits pro Jahr
  }
