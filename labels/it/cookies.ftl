# Etichette della cookie policy.

list-and = e

cookie-column-name = Nome
cookie-column-purpose = Finalità
cookie-column-data = Dati raccolti
cookie-column-provider = Installato da
cookie-column-lifetime = Durata di conservazione
cookie-column-consent = Consenso
cookie-column-kind = Tipo
cookie-column-category = Categoria
cookie-column-sites = Siti

cookie-first-party = Cookie di prima parte (installato dal titolare del sito)
cookie-third-party = Cookie di terze parti
tracker-first-party = Strumento di tracciamento di prima parte (installato dal titolare del sito)
tracker-third-party = Strumento di tracciamento di terze parti
cookie-provider-processor = Responsabile del trattamento per { $publisher }: { $sites }
cookie-provider-subprocessor = Sub-responsabile del trattamento, per conto dei nostri clienti: { $sites }
cookie-provider-channels = Accesso interessato: { $channels }
cookie-lifetime-session = Fino al termine della sessione
cookie-lifetime-not-stated = Non indicata dal fornitore

cookie-table-all = Cookie e altri strumenti di tracciamento
cookie-kind-cookie = Cookie
cookie-kind-local-storage = Archiviazione locale
cookie-kind-pixel = Pixel
cookie-kind-sdk = Kit di sviluppo software (SDK)
cookie-kind-fingerprinting = Fingerprinting

cookie-category-strictly-necessary = Cookie strettamente necessari
cookie-category-functional = Cookie funzionali
cookie-category-consent-record = Cookie che registra la sua scelta
cookie-category-audience-measurement = Cookie di misurazione dell’audience
cookie-category-advertising = Cookie pubblicitari

cookie-exemption-conditions = Condizioni dell’esenzione dal consenso:
cookie-consent-required = Soggetto al suo consenso preventivo
cookie-exempt-strictly-necessary = Esente da consenso: strettamente necessario al servizio da lei richiesto
cookie-exempt-consent-record = Esente da consenso: conserva la sua scelta in materia di cookie
cookie-exempt-audience-measurement = Esente da consenso: misurazione dell’audience conforme alle condizioni dell’autorità di controllo competente
