# Etiquetas de todas las páginas: índice, versión, avisos de idioma, unidades.
# Faltan las de un contrato de encargo del tratamiento (partes, anexos):
# un corpus las escribe en locales/es/.

## Maquetación
page-contents = Índice
page-version = Versión
page-effective-date = Fecha de entrada en vigor
page-colon = :
page-page = Página
page-language = Idioma:
page-between = Entre:
page-download-pdf = Descargar el PDF
# Cómo se llama esta versión donde otro idioma remite a ella.
page-edition = Versión en español
# Cómo se llama el texto anterior a la primera cláusula en las comparaciones.
page-preamble = Preámbulo

## Idioma vinculante
notice-binding-short = Versión en español – vinculante
notice-binding-long = El presente documento está redactado en español. Solo la versión en español es vinculante; cualquier traducción se facilita únicamente a título informativo.
# Una traducción nombra el idioma vinculante, cuyo código es $binding.
notice-binding-language = { $binding ->
    [fr] francesa
    [en] inglesa
    [de] alemana
    [es] española
    [it] italiana
    [nl] neerlandesa
   *[other] original
  }
notice-translation-short = Traducción – prevalece la versión { notice-binding-language }
notice-translation-long = El presente documento es una traducción al español, facilitada únicamente a título informativo. Solo la versión { notice-binding-language } es vinculante y prevalece en caso de discrepancia o de diferencia de interpretación.

## Unidades de las cifras comprometidas
unit-minutes = { $count ->
    [one] minuto
   *[other] minutos
  }
unit-hours = { $count ->
    [one] hora
   *[other] horas
  }
unit-days = { $count ->
    [one] día
   *[other] días
  }
unit-working-days = { $count ->
    [one] día hábil
   *[other] días hábiles
  }
unit-weeks = { $count ->
    [one] semana
   *[other] semanas
  }
unit-months = { $count ->
    [one] mes
   *[other] meses
  }
unit-years = { $count ->
    [one] año
   *[other] años
  }
unit-audits-per-year = { $count ->
    [one] auditoría al año
   *[other] auditorías al año
  }
