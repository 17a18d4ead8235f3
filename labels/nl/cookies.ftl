# Labels van het cookiebeleid.

list-and = en

cookie-column-name = Naam
cookie-column-purpose = Doel
cookie-column-data = Verzamelde gegevens
cookie-column-provider = Geplaatst door
cookie-column-lifetime = Bewaartermijn
cookie-column-consent = Toestemming
cookie-column-kind = Soort
cookie-column-category = Categorie
cookie-column-sites = Websites

cookie-first-party = Eigen cookie (geplaatst door de exploitant van de website)
cookie-third-party = Cookie van derden
tracker-first-party = Eigen tracker (geplaatst door de exploitant van de website)
tracker-third-party = Tracker van derden
cookie-provider-processor = Verwerker van { $publisher }: { $sites }
cookie-provider-subprocessor = Subverwerker, namens onze klanten: { $sites }
cookie-provider-channels = Betrokken toegang: { $channels }
cookie-lifetime-session = Tot het einde van de sessie
cookie-lifetime-not-stated = Niet vermeld door de aanbieder

cookie-table-all = Cookies en andere trackers
cookie-kind-cookie = Cookie
cookie-kind-local-storage = Lokale opslag
cookie-kind-pixel = Pixel
cookie-kind-sdk = Softwareontwikkelingskit (SDK)
cookie-kind-fingerprinting = Fingerprinting

cookie-category-strictly-necessary = Strikt noodzakelijke cookies
cookie-category-functional = Functionele cookies
cookie-category-consent-record = Cookie die uw keuze bewaart
cookie-category-audience-measurement = Cookies voor bezoekersmeting
cookie-category-advertising = Advertentiecookies

cookie-exemption-conditions = Voorwaarden voor de vrijstelling van toestemming:
cookie-consent-required = Alleen met uw voorafgaande toestemming
cookie-exempt-strictly-necessary = Vrijgesteld van toestemming: strikt noodzakelijk voor de dienst die u vraagt
cookie-exempt-consent-record = Vrijgesteld van toestemming: bewaart uw cookiekeuze
cookie-exempt-audience-measurement = Vrijgesteld van toestemming: bezoekersmeting die voldoet aan de voorwaarden van de bevoegde toezichthoudende autoriteit
