# Versioni: cronologia, bozze e confronti (`clausier diff`).

## Cronologia delle versioni, dopo gli allegati
history-title = Cronologia delle versioni
history-caption = Versioni pubblicate
history-changes = Modifiche

## Bozze non pubblicate (`clausier build --draft`)
draft-version = bozza non pubblicata
draft-date = non applicabile (bozza)

## Confronto tra due versioni
redline-heading = Confronto tra le versioni { $from } e { $to }
redline-from = Versione precedente
redline-to = Nuova versione
redline-summary = Che cosa cambia la nuova versione
redline-changed = Sezioni modificate
redline-nothing-changed = Il testo è invariato.
redline-legend = Legenda
redline-inserted = testo aggiunto
redline-deleted = testo eliminato
redline-added-section = sezione aggiunta
redline-removed-section = sezione eliminata

## Comunicazione ai clienti di una modifica dei sub-responsabili (`clausier notice`)
notice-title = Comunicazione di modifiche dei sub-responsabili del trattamento
notice-date = Data della comunicazione: { $date }
notice-addressee = All'attenzione di { $name } ({ $email })
notice-deadline = Termine per l’opposizione: { $deadline } (per una comunicazione ricevuta il { $received })
notice-intro = Ai sensi dell’articolo 28, paragrafo 2, del GDPR, { $processor } la informa delle modifiche apportate al proprio elenco dei sub-responsabili del trattamento ({ $annex }) del documento «{ $document }». Tali modifiche figurano nella versione { $version } dell’accordo, applicabile dal { $effective }.
notice-objection = Dispone di { $period } dal ricevimento della presente comunicazione per opporsi a tali modifiche: per una comunicazione ricevuta il { $received }, il termine scade il { $deadline } incluso.
notice-how-to-object = Le opposizioni vanno inviate per iscritto a { $processor }, { $address }, o per posta elettronica a { $email }, indicandone i motivi.
notice-how-to-object-by-post = Le opposizioni vanno inviate per iscritto a { $processor }, { $address }, indicandone i motivi.
notice-consequence = Le conseguenze di un’opposizione sono quelle previste dalla clausola { $clause } dell’accordo («{ $title }»).
notice-release-summary = La versione { $version } dell’accordo apporta le seguenti modifiche: { $summary } È pubblicata con un raffronto delle sue modifiche.
notice-redline = Raffronto delle versioni { $from } e { $to }
notice-added = Sub-responsabili aggiunti
notice-removed = Sub-responsabili eliminati
notice-changed = Sub-responsabili modificati
notice-subprocessor = Sub-responsabile
notice-field = Voce
notice-before = Prima
notice-after = Dopo

## Feed Atom delle versioni e delle comunicazioni (out/feed.xml)
feed-title = { $publisher } – documenti legali: nuove versioni e comunicazioni

## Pagina iniziale del sito (out/it/index.html)
site-title = { $publisher } – documenti legali
site-read = Leggi online
site-changes = Modifiche della versione { $to } rispetto alla versione { $from }
site-feed = Segui le nuove versioni (feed Atom)
site-notices = Comunicazioni ai clienti
site-parallel = Edizione bilingue
site-languages = Lingue
