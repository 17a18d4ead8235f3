# Etiquetas de la política de cookies.

list-and = y

cookie-column-name = Nombre
cookie-column-purpose = Finalidad
cookie-column-data = Datos recogidos
cookie-column-provider = Instalada por
cookie-column-lifetime = Plazo de conservación
cookie-column-consent = Consentimiento
cookie-column-kind = Tipo
cookie-column-category = Categoría
cookie-column-sites = Sitios

cookie-first-party = Cookie propia (instalada por el editor)
cookie-third-party = Cookie de terceros
tracker-first-party = Rastreador propio (instalado por el editor)
tracker-third-party = Rastreador de terceros
cookie-provider-processor = Encargado del tratamiento de { $publisher }: { $sites }
cookie-provider-subprocessor = Subencargado del tratamiento, por cuenta de nuestros clientes: { $sites }
cookie-provider-channels = Acceso afectado: { $channels }
cookie-lifetime-session = Hasta el final de la sesión
cookie-lifetime-not-stated = No indicado por el proveedor

cookie-table-all = Cookies y otros rastreadores
cookie-kind-cookie = Cookie
cookie-kind-local-storage = Almacenamiento local
cookie-kind-pixel = Píxel
cookie-kind-sdk = Kit de desarrollo de software (SDK)
cookie-kind-fingerprinting = Huella digital del dispositivo

cookie-category-strictly-necessary = Cookies estrictamente necesarias
cookie-category-functional = Cookies funcionales
cookie-category-consent-record = Cookie que registra su elección
cookie-category-audience-measurement = Cookies de medición de audiencia
cookie-category-advertising = Cookies publicitarias

cookie-exemption-conditions = Condiciones de la exención del consentimiento:
cookie-consent-required = Sujeta a su consentimiento previo
cookie-exempt-strictly-necessary = Exenta de consentimiento: estrictamente necesaria para el servicio que usted solicita
cookie-exempt-consent-record = Exenta de consentimiento: conserva su elección en materia de cookies
cookie-exempt-audience-measurement = Exenta de consentimiento: medición de audiencia conforme a las condiciones de la autoridad de control competente
