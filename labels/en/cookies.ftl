# Labels of the cookie policy.

list-and = and

cookie-column-name = Name
cookie-column-purpose = Purpose
cookie-column-data = Data collected
cookie-column-provider = Placed by
cookie-column-lifetime = Retention period
cookie-column-consent = Consent
cookie-column-kind = Type
cookie-column-category = Category
cookie-column-sites = Sites

cookie-first-party = First-party cookie (placed by the publisher)
cookie-third-party = Third-party cookie
tracker-first-party = First-party tracker (placed by the publisher)
tracker-third-party = Third-party tracker
cookie-provider-processor = { $publisher }'s processor: { $sites }
cookie-provider-subprocessor = Sub-processor, on behalf of our clients: { $sites }
cookie-provider-channels = Access concerned: { $channels }
cookie-lifetime-session = Until the end of the session
cookie-lifetime-not-stated = Not stated by the provider

cookie-table-all = Cookies and other trackers
cookie-kind-cookie = Cookie
cookie-kind-local-storage = Local storage
cookie-kind-pixel = Pixel
cookie-kind-sdk = Software development kit (SDK)
cookie-kind-fingerprinting = Fingerprinting

cookie-category-strictly-necessary = Strictly necessary cookies
cookie-category-functional = Functional cookies
cookie-category-consent-record = Cookie recording your choice
cookie-category-audience-measurement = Audience measurement cookies
cookie-category-advertising = Advertising cookies

cookie-exemption-conditions = Conditions of the exemption from consent:
cookie-consent-required = Subject to your prior consent
cookie-exempt-strictly-necessary = Exempt from consent: strictly necessary for the service you request
cookie-exempt-consent-record = Exempt from consent: stores your cookie choice
cookie-exempt-audience-measurement = Exempt from consent: audience measurement meeting the CNIL's conditions
