# Versies: geschiedenis, concepten en vergelijkingen (`clausier diff`).

## Versiegeschiedenis, na de bijlagen
history-title = Versiegeschiedenis
history-caption = Gepubliceerde versies
history-changes = Wijzigingen

## Niet-gepubliceerde concepten (`clausier build --draft`)
draft-version = niet-gepubliceerd concept
draft-date = niet van toepassing (concept)

## Vergelijking van twee versies
redline-heading = Vergelijking van de versies { $from } en { $to }
redline-from = Eerdere versie
redline-to = Nieuwe versie
redline-summary = Wat de nieuwe versie wijzigt
redline-changed = Gewijzigde onderdelen
redline-nothing-changed = De tekst is ongewijzigd.
redline-legend = Legenda
redline-inserted = toegevoegde tekst
redline-deleted = verwijderde tekst
redline-added-section = onderdeel toegevoegd
redline-removed-section = onderdeel verwijderd

## Kennisgeving aan klanten van een wijziging van subverwerkers (`clausier notice`)
notice-title = Kennisgeving van wijzigingen in de subverwerkers
notice-date = Datum van de kennisgeving: { $date }
notice-addressee = Ter attentie van { $name } ({ $email })
notice-deadline = Termijn voor bezwaar: { $deadline } (voor een kennisgeving ontvangen op { $received })
notice-intro = Overeenkomstig artikel 28, lid 2, AVG informeert { $processor } u over de wijzigingen in zijn lijst van subverwerkers ({ $annex }) van het document ‘{ $document }’. Deze wijzigingen zijn opgenomen in versie { $version } van de overeenkomst, die van toepassing is vanaf { $effective }.
notice-objection = U hebt { $period } vanaf de ontvangst van deze kennisgeving om bezwaar te maken tegen deze wijzigingen: voor een kennisgeving ontvangen op { $received } loopt deze termijn af op { $deadline } (inbegrepen).
notice-how-to-object = Stuur uw bezwaren schriftelijk, met vermelding van de redenen, naar { $processor }, { $address }, of per e-mail naar { $email }.
notice-how-to-object-by-post = Stuur uw bezwaren schriftelijk, met vermelding van de redenen, naar { $processor }, { $address }.
notice-consequence = De gevolgen van een bezwaar zijn die van artikel { $clause } van de overeenkomst (‘{ $title }’).
notice-release-summary = Versie { $version } van de overeenkomst brengt de volgende wijzigingen: { $summary } Zij wordt gepubliceerd met een vergelijking van haar wijzigingen.
notice-redline = Vergelijking van de versies { $from } en { $to }
notice-added = Toegevoegde subverwerkers
notice-removed = Verwijderde subverwerkers
notice-changed = Gewijzigde subverwerkers
notice-subprocessor = Subverwerker
notice-field = Gegeven
notice-before = Vóór
notice-after = Na

## Atom-feed van versies en kennisgevingen (out/feed.xml)
feed-title = { $publisher } – juridische documenten: nieuwe versies en kennisgevingen

## Startpagina van de website (out/nl/index.html)
site-title = { $publisher } – juridische documenten
site-read = Online lezen
site-changes = Wijzigingen in versie { $to } ten opzichte van versie { $from }
site-feed = Nieuwe versies volgen (Atom-feed)
site-notices = Kennisgevingen aan klanten
site-parallel = Tweetalige versie
site-languages = Talen
