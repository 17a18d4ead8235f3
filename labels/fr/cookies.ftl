# Libellés de la politique de cookies.

list-and = et

cookie-column-name = Nom
cookie-column-purpose = Finalité
cookie-column-data = Données collectées
cookie-column-provider = Déposé par
cookie-column-lifetime = Durée de conservation
cookie-column-consent = Consentement
cookie-column-kind = Type
cookie-column-category = Catégorie
cookie-column-sites = Sites

cookie-first-party = Cookie interne (déposé par l'éditeur)
cookie-third-party = Cookie tiers
tracker-first-party = Traceur interne (déposé par l'éditeur)
tracker-third-party = Traceur tiers
cookie-provider-processor = Sous-traitant de { $publisher } : { $sites }
cookie-provider-subprocessor = Sous-traitant ultérieur, pour le compte de nos clients : { $sites }
cookie-provider-channels = Accès concernés : { $channels }
cookie-lifetime-session = Jusqu'à la fin de la session
cookie-lifetime-not-stated = Non précisée par le fournisseur

cookie-table-all = Cookies et autres traceurs
cookie-kind-cookie = Cookie
cookie-kind-local-storage = Stockage local
cookie-kind-pixel = Pixel
cookie-kind-sdk = Kit de développement logiciel (SDK)
cookie-kind-fingerprinting = Empreinte numérique (fingerprinting)

cookie-category-strictly-necessary = Cookies strictement nécessaires
cookie-category-functional = Cookies fonctionnels
cookie-category-consent-record = Cookie d'enregistrement de votre choix
cookie-category-audience-measurement = Cookies de mesure d'audience
cookie-category-advertising = Cookies publicitaires

cookie-exemption-conditions = Conditions de l'exemption de consentement :
cookie-consent-required = Soumis à votre consentement préalable
cookie-exempt-strictly-necessary = Exempté de consentement : strictement nécessaire au service que vous demandez
cookie-exempt-consent-record = Exempté de consentement : conserve votre choix en matière de cookies
cookie-exempt-audience-measurement = Exempté de consentement : mesure d'audience respectant les conditions de la CNIL
