# Versiones: historial, borradores y comparaciones (`clausier diff`).

## Historial de versiones, después de los anexos
history-title = Historial de versiones
history-caption = Versiones publicadas
history-changes = Cambios

## Borradores no publicados (`clausier build --draft`)
draft-version = borrador no publicado
draft-date = no aplicable (borrador)

## Comparación de dos versiones
redline-heading = Comparación de las versiones { $from } y { $to }
redline-from = Versión anterior
redline-to = Nueva versión
redline-summary = Qué cambia la nueva versión
redline-changed = Secciones modificadas
redline-nothing-changed = El texto no ha cambiado.
redline-legend = Leyenda
redline-inserted = texto añadido
redline-deleted = texto suprimido
redline-added-section = sección añadida
redline-removed-section = sección suprimida

## Aviso a los clientes de un cambio de subencargados (`clausier notice`)
notice-title = Aviso de cambios en los subencargados del tratamiento
notice-date = Fecha del aviso: { $date }
notice-addressee = A la atención de { $name } ({ $email })
notice-deadline = Plazo para oponerse: { $deadline } (para un aviso recibido el { $received })
notice-intro = De conformidad con el artículo 28, apartado 2, del RGPD, { $processor } le informa de los cambios introducidos en su lista de subencargados del tratamiento ({ $annex }) del documento «{ $document }». Estos cambios figuran en la versión { $version } del contrato, aplicable a partir del { $effective }.
notice-objection = Dispone de { $period } a partir de la recepción del presente aviso para oponerse a dichos cambios: para un aviso recibido el { $received }, este plazo vence el { $deadline } inclusive.
notice-how-to-object = Dirija sus objeciones por escrito a { $processor }, { $address }, o por correo electrónico a { $email }, indicando los motivos de su oposición.
notice-how-to-object-by-post = Dirija sus objeciones por escrito a { $processor }, { $address }, indicando los motivos de su oposición.
notice-consequence = Las consecuencias de una oposición son las previstas en la cláusula { $clause } del acuerdo («{ $title }»).
notice-release-summary = La versión { $version } del acuerdo introduce los siguientes cambios: { $summary } Se publica junto con una comparación de sus cambios.
notice-redline = Comparación de las versiones { $from } y { $to }
notice-added = Subencargados añadidos
notice-removed = Subencargados suprimidos
notice-changed = Subencargados modificados
notice-subprocessor = Subencargado
notice-field = Dato
notice-before = Antes
notice-after = Después

## Canal Atom de versiones y avisos (out/feed.xml)
feed-title = { $publisher } – documentos jurídicos: nuevas versiones y avisos

## Página de inicio del sitio (out/es/index.html)
site-title = { $publisher } – documentos jurídicos
site-read = Leer en línea
site-changes = Cambios de la versión { $to } respecto de la versión { $from }
site-feed = Seguir las nuevas versiones (canal Atom)
site-notices = Avisos a los clientes
site-parallel = Edición bilingüe
site-languages = Idiomas
