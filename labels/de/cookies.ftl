# Beschriftungen der Cookie-Richtlinie.

list-and = und

cookie-column-name = Name
cookie-column-purpose = Zweck
cookie-column-data = Erhobene Daten
cookie-column-provider = Gesetzt von
cookie-column-lifetime = Speicherdauer
cookie-column-consent = Einwilligung
cookie-column-kind = Art
cookie-column-category = Kategorie
cookie-column-sites = Websites

cookie-first-party = Erstanbieter-Cookie (vom Betreiber der Website gesetzt)
cookie-third-party = Drittanbieter-Cookie
tracker-first-party = Eigener Tracker (vom Betreiber der Website gesetzt)
tracker-third-party = Tracker eines Drittanbieters
cookie-provider-processor = Auftragsverarbeiter von { $publisher }: { $sites }
cookie-provider-subprocessor = Unterauftragsverarbeiter, im Auftrag unserer Kunden: { $sites }
cookie-provider-channels = Betroffener Zugang: { $channels }
cookie-lifetime-session = Bis zum Ende der Sitzung
cookie-lifetime-not-stated = Vom Anbieter nicht angegeben

cookie-table-all = Cookies und andere Tracker
cookie-kind-cookie = Cookie
cookie-kind-local-storage = Lokaler Speicher
cookie-kind-pixel = Pixel
cookie-kind-sdk = Software Development Kit (SDK)
cookie-kind-fingerprinting = Fingerprinting

cookie-category-strictly-necessary = Unbedingt erforderliche Cookies
cookie-category-functional = Funktionale Cookies
cookie-category-consent-record = Cookie zur Speicherung Ihrer Auswahl
cookie-category-audience-measurement = Cookies zur Reichweitenmessung
cookie-category-advertising = Werbe-Cookies

cookie-exemption-conditions = Voraussetzungen der Ausnahme von der Einwilligungspflicht:
cookie-consent-required = Nur mit Ihrer vorherigen Einwilligung
cookie-exempt-strictly-necessary = Keine Einwilligung erforderlich: unbedingt erforderlich für den von Ihnen gewünschten Dienst
cookie-exempt-consent-record = Keine Einwilligung erforderlich: speichert Ihre Cookie-Auswahl
cookie-exempt-audience-measurement = Keine Einwilligung erforderlich: Reichweitenmessung unter den Voraussetzungen der zuständigen Aufsichtsbehörde
