//! A client's own copy of the contract it signs: the frozen release of
//! that version, never the working text, made out to the client. The
//! cover and annex A name it as controller, annex B keeps only the
//! products it subscribes to (lettered again), a signature page follows
//! the clauses, and every footer names it.

use crate::compose::annexes::{
    CONTROLLER_PART, annex_id, letter, processing_part_id, processing_part_product,
    processing_part_title,
};
use crate::corpus::clients::Client;
use crate::corpus::{AnnexKind, Corpus};
use crate::lang::Lang;
use crate::model::{Block, ClientCopy, Document, Inline, Section, SectionKind, Signatory};

/// The id of the signature page.
const SIGNATURES_ID: &str = "signatures";

/// What fills an unsigned copy's blanks: room to write by hand.
const BLANK: &str = "………………………………";

/// `released`, a contract as its release froze it in one language, made
/// out to `client`; `languages` are those of the client's edition. Only
/// the binding text is signed: a translation says so where the signature
/// page would be. `check` has made sure the release names a controller
/// ([`controller_name`]) and holds the client's products.
pub fn client_copy(
    released: &Document,
    client: &Client,
    languages: &[Lang],
    corpus: &Corpus,
) -> Document {
    let lang = released.lang;
    let copy = MadeOut {
        client,
        corpus,
        lang,
    };
    let mut document = released.clone();
    document.languages = languages.to_vec();
    let legal_name = &client.record.legal_name.value;
    // The released cover names the controller as the clauses do ("Le
    // Client"): the client's details take its place, with that name as
    // the term the clauses use.
    let generic = controller_name(&document);
    if let Some(party) = document.parties.iter_mut().find(|party| {
        generic
            .as_ref()
            .is_some_and(|name| party.lines == [name.clone()])
    }) {
        party.lines = copy.cover_lines(generic.as_deref());
    }
    for section in &mut document.sections {
        copy.annex(section);
    }
    let before = document
        .sections
        .iter()
        .position(|s| matches!(s.kind, SectionKind::Annex | SectionKind::History))
        .unwrap_or(document.sections.len());
    let binding = released.language_notice.binding;
    document.sections.insert(before, copy.signatures(binding));
    document.keywords.push(legal_name.clone());
    document.made_out_to = Some(ClientCopy {
        name: legal_name.clone(),
        footer: copy.label_with("client-copy-footer", &[("client", legal_name)]),
    });
    document
}

/// The products annex B of a released document describes.
pub fn released_products(document: &Document) -> impl Iterator<Item = &str> {
    let annex = annex_id(AnnexKind::Processing);
    document
        .sections
        .iter()
        .filter(move |section| section.id == annex)
        .flat_map(|annex| &annex.children)
        .filter_map(|part| processing_part_product(&part.id))
}

/// The generic name annex A gives the controller in a release ("Le
/// Client"), which the clauses use as a defined term.
pub fn controller_name(document: &Document) -> Option<String> {
    let annex = document
        .sections
        .iter()
        .flat_map(|section| &section.children)
        .find(|part| part.id == CONTROLLER_PART)?;
    match annex.blocks.as_slice() {
        [Block::Paragraph { inlines }] => match inlines.as_slice() {
            [Inline::Text { text }] => Some(text.clone()),
            _ => None,
        },
        _ => None,
    }
}

struct MadeOut<'a> {
    client: &'a Client,
    corpus: &'a Corpus,
    lang: Lang,
}

impl MadeOut<'_> {
    /// A label of the copy, typeset: the copy's own texts are composed
    /// now, whatever release they are added to.
    fn label(&self, id: &str) -> String {
        self.label_with(id, &[])
    }

    fn label_with(&self, id: &str, args: &[(&str, &str)]) -> String {
        let text = self.corpus.labels.get_with(self.lang, id, args);
        crate::text::typography::typeset(&text, &self.lang.to_string())
    }

    /// The client's identifiers, one line each.
    fn identifiers(&self) -> Vec<String> {
        let record = &self.client.record;
        let uai = record
            .uai
            .iter()
            .map(|uai| self.label_with("client-uai", &[("uai", uai.as_str())]));
        let siret = record
            .siret
            .iter()
            .map(|siret| self.label_with("client-siret", &[("siret", &siret.grouped())]));
        let vat = record
            .vat
            .iter()
            .map(|vat| self.label_with("client-vat", &[("vat", vat)]));
        uai.chain(siret).chain(vat).collect()
    }

    fn signatory_line(&self) -> String {
        let signatory = &self.client.record.signatory;
        self.label_with(
            "client-signatory",
            &[
                ("name", &signatory.name),
                ("title", signatory.title.get(self.lang)),
            ],
        )
    }

    /// The cover's lines for the client: name, address, identifiers,
    /// signatory, and the term the clauses name it by.
    fn cover_lines(&self, generic: Option<&str>) -> Vec<String> {
        let record = &self.client.record;
        let mut lines = vec![record.legal_name.value.clone(), record.address.clone()];
        lines.extend(self.identifiers());
        lines.push(self.signatory_line());
        if let Some(term) = generic {
            lines.push(self.hereinafter(term));
        }
        lines
    }

    /// Annex A's controller part names the client; annex B keeps the
    /// client's products only.
    fn annex(&self, section: &mut Section) {
        for part in &mut section.children {
            if part.id == CONTROLLER_PART {
                part.blocks = self.controller_blocks();
            }
        }
        if section.id == annex_id(AnnexKind::Processing) {
            let products = &self.client.record.products;
            section.children.retain(|part| {
                products
                    .iter()
                    .any(|product| part.id == processing_part_id(&product.value))
            });
            for (index, part) in section.children.iter_mut().enumerate() {
                // The release titled each part with its letter (see
                // `processing_part_title`): the name follows it.
                let name = part
                    .title
                    .split_once(". ")
                    .map_or(part.title.as_str(), |(_, name)| name);
                part.title = processing_part_title(letter(index), name);
                part.finish();
            }
        }
    }

    fn controller_blocks(&self) -> Vec<Block> {
        let record = &self.client.record;
        let mut blocks = vec![
            Block::Paragraph {
                inlines: vec![Inline::Strong {
                    inlines: vec![Inline::text(&record.legal_name.value)],
                }],
            },
            Block::paragraph(&record.address),
        ];
        blocks.extend(self.identifiers().into_iter().map(Block::paragraph));
        blocks.push(Block::paragraph(self.signatory_line()));
        if let Some(channel) = record.channel {
            let channel = self.label(channel.message_id());
            blocks.push(Block::paragraph(
                self.label_with("client-channel", &[("channel", &channel)]),
            ));
        }
        let contact = &record.privacy_contact;
        blocks.push(Block::Label {
            inlines: vec![Inline::text(self.label("client-privacy-contact"))],
        });
        blocks.push(Block::paragraph(&contact.name));
        blocks.push(Block::Paragraph {
            inlines: vec![Inline::Link {
                url: format!("mailto:{}", contact.email),
                inlines: vec![Inline::text(contact.email.as_str())],
            }],
        });
        blocks
    }

    /// The signature page: where and when, then a block per party, blank
    /// where the copy is not yet signed; in a translation, a line saying
    /// that the binding version is the one signed.
    fn signatures(&self, binding: bool) -> Section {
        let mut section = Section::new(
            SIGNATURES_ID.into(),
            None,
            self.label("signatures-title"),
            SectionKind::Signatures,
        );
        if !binding {
            section.blocks = vec![Block::paragraph(self.label("signatures-in-binding"))];
            section.finish();
            return section;
        }
        let record = &self.client.record;
        let (place, date) = match &record.signed {
            Some(signed) => (signed.place.clone(), signed.date.value.long(self.lang)),
            None => (BLANK.to_string(), BLANK.to_string()),
        };
        let anchors = &self.corpus.signing;
        let made = match anchors.controller_anchor.is_some() || anchors.processor_anchor.is_some() {
            true => "signatures-made-electronically",
            false => "signatures-made",
        };
        let made = self.label_with(made, &[("place", &place), ("date", &date)]);
        let processor = &self.corpus.facts.parties.processor;
        let representative = processor.representative.as_ref();
        let controller = Signatory {
            role: self.label("signatures-for-controller"),
            party: record.legal_name.value.clone(),
            lines: self.signer_lines(
                &record.signatory.name,
                record.signatory.title.get(self.lang),
            ),
            signature: self.label("signatures-signature"),
            anchor: anchors.controller_anchor.clone(),
        };
        let processor = Signatory {
            role: self.label("signatures-for-processor"),
            party: processor.legal_name.clone(),
            lines: self.signer_lines(
                representative.map_or(BLANK, |person| person.name.as_str()),
                representative
                    .and_then(|person| person.title.as_ref())
                    .map_or(BLANK, |title| title.get(self.lang)),
            ),
            signature: self.label("signatures-signature"),
            anchor: anchors.processor_anchor.clone(),
        };
        section.blocks = vec![
            Block::paragraph(made),
            Block::Signatures {
                signatories: vec![controller, processor],
            },
        ];
        section.finish();
        section
    }

    fn signer_lines(&self, name: &str, title: &str) -> Vec<String> {
        vec![
            self.label_with("signatures-name", &[("name", name)]),
            self.label_with("signatures-capacity", &[("title", title)]),
        ]
    }
}

impl MadeOut<'_> {
    /// "ci-après le « Client »": the release's name for the controller,
    /// its article (in lower case, as in running text) outside the quotes.
    fn hereinafter(&self, name: &str) -> String {
        match name.split_once(' ') {
            Some((article, term)) => self.label_with(
                "client-hereinafter",
                &[("article", &article.to_lowercase()), ("term", term)],
            ),
            None => self.label_with("client-hereinafter-bare", &[("term", name)]),
        }
    }
}
