# Fassungen: Verlauf, Entwürfe und Vergleiche (`clausier diff`).

## Versionsverlauf, nach den Anlagen
history-title = Versionsverlauf
history-caption = Veröffentlichte Fassungen
history-changes = Änderungen

## Unveröffentlichte Entwürfe (`clausier build --draft`)
draft-version = unveröffentlichter Entwurf
draft-date = entfällt (Entwurf)

## Vergleich zweier Fassungen
redline-heading = Vergleich der Fassungen { $from } und { $to }
redline-from = Frühere Fassung
redline-to = Neue Fassung
redline-summary = Was die neue Fassung ändert
redline-changed = Geänderte Abschnitte
redline-nothing-changed = Der Text ist unverändert.
redline-legend = Legende
redline-inserted = eingefügter Text
redline-deleted = gelöschter Text
redline-added-section = Abschnitt hinzugefügt
redline-removed-section = Abschnitt entfernt

## Mitteilung an Kunden über weitere Auftragsverarbeiter (`clausier notice`)
notice-title = Mitteilung über Änderungen bei den weiteren Auftragsverarbeitern
notice-date = Datum der Mitteilung: { $date }
notice-addressee = z. Hd. { $name } ({ $email })
notice-deadline = Frist für Einsprüche: { $deadline } (bei Erhalt der Mitteilung am { $received })
notice-intro = Gemäß Artikel 28 Absatz 2 DSGVO informiert { $processor } Sie über die Änderungen seiner Liste der weiteren Auftragsverarbeiter ({ $annex }) des Dokuments „{ $document }“. Diese Änderungen sind in Fassung { $version } des Vertrags enthalten, die ab dem { $effective } gilt.
notice-objection = Sie haben { $period } ab Erhalt dieser Mitteilung Zeit, gegen diese Änderungen Einspruch zu erheben: bei Erhalt am { $received } endet diese Frist am { $deadline } einschließlich.
notice-how-to-object = Bitte richten Sie Ihre Einsprüche unter Angabe der Gründe schriftlich an { $processor }, { $address }, oder per E-Mail an { $email }.
notice-how-to-object-by-post = Bitte richten Sie Ihre Einsprüche unter Angabe der Gründe schriftlich an { $processor }, { $address }.
notice-consequence = Die Folgen eines Einspruchs richten sich nach Ziffer { $clause } der Vereinbarung („{ $title }“).
notice-release-summary = Version { $version } der Vereinbarung enthält folgende Änderungen: { $summary } Sie wird mit einer Gegenüberstellung ihrer Änderungen veröffentlicht.
notice-redline = Gegenüberstellung der Versionen { $from } und { $to }
notice-added = Hinzugefügte weitere Auftragsverarbeiter
notice-removed = Entfernte weitere Auftragsverarbeiter
notice-changed = Geänderte weitere Auftragsverarbeiter
notice-subprocessor = Weiterer Auftragsverarbeiter
notice-field = Angabe
notice-before = Vorher
notice-after = Nachher

## Atom-Feed der Fassungen und Mitteilungen (out/feed.xml)
feed-title = { $publisher } – Rechtsdokumente: neue Fassungen und Mitteilungen

## Startseite der Website (out/de/index.html)
site-title = { $publisher } – Rechtsdokumente
site-read = Online lesen
site-changes = Änderungen in Fassung { $to } gegenüber Fassung { $from }
site-feed = Neue Fassungen verfolgen (Atom-Feed)
site-notices = Mitteilungen an Kunden
site-parallel = Zweisprachige Fassung
site-languages = Sprachen
