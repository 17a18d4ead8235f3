# Versions : historique, projets et comparaisons (`clausier diff`).

## Historique des versions, après les annexes
history-title = Historique des versions
history-caption = Versions publiées
history-changes = Modifications

## Projets non publiés (`clausier build --draft`)
draft-version = projet non publié
draft-date = non applicable (projet)

## Comparaison de deux versions
redline-heading = Comparaison des versions { $from } et { $to }
redline-from = Version antérieure
redline-to = Nouvelle version
redline-summary = Objet de la nouvelle version
redline-changed = Sections modifiées
redline-nothing-changed = Aucune modification du texte.
redline-legend = Légende
redline-inserted = texte ajouté
redline-deleted = texte supprimé
redline-added-section = section ajoutée
redline-removed-section = section supprimée

## Notification aux clients d'une modification des sous-traitants ultérieurs (`clausier notice`)
notice-title = Notification de modification des sous-traitants ultérieurs
notice-date = Date de la notification : { $date }
notice-addressee = À l'attention de { $name } ({ $email })
notice-deadline = Date limite pour présenter des objections : { $deadline } (pour une notification reçue le { $received })
notice-intro = Conformément à l'article 28, paragraphe 2, du RGPD, { $processor } vous informe des modifications apportées à la liste de ses sous-traitants ultérieurs ({ $annex }) de l'accord « { $document } ». Ces modifications figurent dans la version { $version } de l'accord, applicable à compter du { $effective }.
notice-objection = Vous disposez d'un délai de { $period } à compter de la réception de la présente notification pour présenter vos objections : pour une notification reçue le { $received }, ce délai expire le { $deadline } inclus.
notice-how-to-object = Vos objections sont à adresser par écrit à { $processor }, { $address }, ou par courrier électronique à { $email }, en indiquant les motifs de votre opposition.
notice-how-to-object-by-post = Vos objections sont à adresser par écrit à { $processor }, { $address }, en indiquant les motifs de votre opposition.
notice-consequence = Les suites d'une objection sont celles que prévoit l'article { $clause } de l'accord (« { $title } »).
notice-release-summary = La version { $version } de l'accord comporte les modifications suivantes : { $summary } Elle est publiée avec un comparatif de ses modifications.
notice-redline = Comparatif des versions { $from } et { $to }
notice-added = Sous-traitants ultérieurs ajoutés
notice-removed = Sous-traitants ultérieurs retirés
notice-changed = Sous-traitants ultérieurs modifiés
notice-subprocessor = Sous-traitant ultérieur
notice-field = Rubrique
notice-before = Avant
notice-after = Après

## Flux Atom des versions et des notifications (out/feed.xml)
feed-title = { $publisher } – documents juridiques : nouvelles versions et notifications

## Page d'accueil du site (out/index.html)
site-title = { $publisher } – documents juridiques
site-read = Lire en ligne
site-changes = Modifications de la version { $to } par rapport à la version { $from }
site-feed = Suivre les nouvelles versions (flux Atom)
site-notices = Notifications aux clients
site-parallel = Édition bilingue
site-languages = Langues
