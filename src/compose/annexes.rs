//! Annexes generated from the facts: A parties, B processing per product,
//! C sub-processors, D security measures.

use crate::compose::Texts;
use crate::compose::quantities::QuantityText;
use crate::corpus::facts::{Product, Subprocessor};
use crate::corpus::locale::Labels;
use crate::corpus::{AnnexKind, Corpus};
use crate::lang::Lang;
use crate::model::{Block, Inline, ListStyle, Section, SectionKind, Table};

/// The id of annex A's part naming the controller: what a client's copy
/// fills with the client's details.
pub const CONTROLLER_PART: &str = "annex-parties-controller";

/// What the id of each part of annex B starts with, before its product's
/// id.
const PROCESSING_PART: &str = "processing-";

/// The anchor of the annex of `kind`, e.g. `annex-processing`.
pub fn annex_id(kind: AnnexKind) -> String {
    format!("annex-{}", kind.name())
}

/// The id of annex B's part describing `product`.
pub fn processing_part_id(product: &str) -> String {
    format!("{PROCESSING_PART}{product}")
}

/// The product an annex B part describes, from its id.
pub fn processing_part_product(id: &str) -> Option<&str> {
    id.strip_prefix(PROCESSING_PART)
}

/// The title of annex B's part lettered `letter`: "A. Solution Kaligo".
pub fn processing_part_title(letter: char, name: &str) -> String {
    format!("{letter}. {name}")
}

/// Annexes, and the parts of annex B, are lettered A, B, C… in order.
pub fn letter(index: usize) -> char {
    char::from(b'A' + u8::try_from(index % 26).unwrap_or_default())
}

/// The annex of `kind`, lettered `letter`.
pub fn annex_section(kind: AnnexKind, letter: char, corpus: &Corpus, texts: &mut Texts) -> Section {
    let lang = texts.lang;
    let labels = &corpus.labels;
    let mut annex = Section::new(
        annex_id(kind),
        Some(labels.get_with(lang, "annex-number", &[("letter", &letter.to_string())])),
        labels.get(lang, &format!("annex-{}", kind.name())),
        SectionKind::Annex,
    );
    let builder = Annexes {
        corpus,
        labels,
        lang,
    };
    match kind {
        AnnexKind::Parties => annex.children = builder.parties(),
        AnnexKind::Processing => annex.children = builder.processing(texts),
        AnnexKind::Subprocessors => annex.blocks = builder.subprocessors(texts),
        AnnexKind::Security => builder.security(&mut annex, texts),
    }
    annex
}

struct Annexes<'a> {
    corpus: &'a Corpus,
    labels: &'a Labels,
    lang: Lang,
}

fn part(id: String, title: String, blocks: Vec<Block>) -> Section {
    Section {
        blocks,
        ..Section::new(id, None, title, SectionKind::Part)
    }
}

impl Annexes<'_> {
    fn label(&self, id: &str) -> String {
        self.labels.get(self.lang, id)
    }

    fn label_with(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.labels.get_with(self.lang, id, args)
    }

    /// Annex A: the controller, then the processor with its representative
    /// and data protection officer.
    fn parties(&self) -> Vec<Section> {
        let parties = &self.corpus.facts.parties;
        let processor = &parties.processor;
        let mut processor_blocks = vec![
            Block::Paragraph {
                inlines: vec![Inline::Strong {
                    inlines: vec![Inline::text(&processor.legal_name)],
                }],
            },
            Block::paragraph(&processor.address),
        ];
        // Each is there: `check` refuses a parties annex without them.
        processor_blocks.extend(processor.registration.iter().map(Block::paragraph));
        if let Some(representative) = &processor.representative {
            processor_blocks.push(Block::paragraph(
                self.label_with(
                    "party-represented-by",
                    &[
                        ("civility", representative.civility.get(self.lang)),
                        ("name", &representative.name),
                        (
                            "title",
                            representative
                                .title
                                .as_ref()
                                .map_or("", |t| t.get(self.lang)),
                        ),
                    ],
                ),
            ));
        }
        if let Some(dpo) = &processor.dpo {
            processor_blocks.push(Block::Label {
                inlines: vec![Inline::text(self.label("party-dpo"))],
            });
            processor_blocks.push(Block::paragraph(format!(
                "{} {}",
                dpo.civility.get(self.lang),
                dpo.name
            )));
            if let Some(email) = &dpo.email {
                processor_blocks.push(Block::Paragraph {
                    inlines: vec![Inline::Link {
                        url: format!("mailto:{email}"),
                        inlines: vec![Inline::text(email.as_str())],
                    }],
                });
            }
        }
        vec![
            part(
                CONTROLLER_PART.into(),
                self.label("role-controllers"),
                parties
                    .controller
                    .iter()
                    .map(|c| Block::paragraph(c.name.get(self.lang)))
                    .collect(),
            ),
            part(
                "annex-parties-processor".into(),
                self.label("role-processor"),
                processor_blocks,
            ),
        ]
    }

    /// Annex B: one part per product, each a table of the processing.
    fn processing(&self, texts: &mut Texts) -> Vec<Section> {
        let products = &self.corpus.facts.products;
        products
            .iter()
            .enumerate()
            .map(|(index, product)| {
                let name = self.label_with("processing-product", &[("name", &product.name)]);
                let table = Table {
                    caption: self.label_with("processing-caption", &[("name", &product.name)]),
                    header: vec![
                        self.label("processing-item"),
                        self.label("processing-description"),
                    ],
                    rows: self.processing_rows(product, texts),
                    widths: vec![1, 3],
                };
                part(
                    processing_part_id(&product.id),
                    processing_part_title(letter(index), &name),
                    vec![Block::Table(table)],
                )
            })
            .collect()
    }

    fn processing_rows(&self, product: &Product, texts: &mut Texts) -> Vec<Vec<Vec<Block>>> {
        let paragraph = |texts: &mut Texts, text| vec![Block::paragraph(texts.get(text))];
        let purposes = product
            .purposes
            .iter()
            .map(|purpose| {
                let mut item = vec![Block::paragraph(texts.get(&purpose.text))];
                if !purpose.items.is_empty() {
                    item.push(Block::list(
                        ListStyle::Lettered,
                        purpose.items.iter().map(|sub| texts.get(sub)),
                    ));
                }
                item
            })
            .collect();
        let mut data = Vec::new();
        for group in &product.data_categories {
            let user = texts.get(&group.user.value);
            let heading = match group.channel {
                Some(channel) => self.label_with(
                    "processing-user-channel",
                    &[
                        ("channel", &self.label(channel.message_id())),
                        ("user", &user),
                    ],
                ),
                None => self.label_with("processing-user", &[("user", &user)]),
            };
            data.push(Block::Label {
                inlines: vec![Inline::text(heading)],
            });
            data.push(Block::list(
                ListStyle::Bullet,
                group.categories.iter().map(|c| texts.get(c)),
            ));
        }
        let mut recipients = paragraph(texts, &product.recipients);
        let used: Vec<String> = product
            .subprocessors
            .iter()
            .filter_map(|id| self.corpus.facts.subprocessor(&id.value))
            .map(|s| self.subprocessor_name(s))
            .collect();
        if !used.is_empty() {
            recipients.push(Block::paragraph(
                self.label_with("processing-subprocessors", &[("list", &used.join(", "))]),
            ));
        }
        let row = |label: &str, cell: Vec<Block>| {
            vec![
                vec![Block::Label {
                    inlines: vec![Inline::text(self.label(label))],
                }],
                cell,
            ]
        };
        vec![
            row(
                "processing-purposes",
                vec![
                    Block::paragraph(self.label("processing-purposes-intro")),
                    Block::List {
                        style: ListStyle::Numbered,
                        items: purposes,
                    },
                ],
            ),
            row(
                "processing-legal-basis",
                paragraph(texts, &product.legal_basis),
            ),
            row(
                "processing-data-subjects",
                paragraph(texts, &product.data_subjects.value),
            ),
            row("processing-data", data),
            row(
                "processing-retention",
                product
                    .retention
                    .iter()
                    .map(|p| Block::paragraph(texts.get(p)))
                    .collect(),
            ),
            row(
                "processing-operations",
                vec![Block::list(
                    ListStyle::Bullet,
                    product
                        .operations
                        .iter()
                        .map(|op| self.label(op.message_id())),
                )],
            ),
            row("processing-recipients", recipients),
            row(
                "processing-rights",
                paragraph(texts, &product.rights_handling),
            ),
        ]
    }

    /// "Brevo (anciennement Sendinblue)".
    fn subprocessor_name(&self, subprocessor: &Subprocessor) -> String {
        match &subprocessor.former_name {
            Some(former) => self.label_with(
                "subprocessor-formerly",
                &[("name", &subprocessor.name), ("former", former)],
            ),
            None => subprocessor.name.clone(),
        }
    }

    /// Annex C: one row per sub-processor.
    fn subprocessors(&self, texts: &mut Texts) -> Vec<Block> {
        let subprocessors = &self.corpus.facts.subprocessors;
        // The company-number column says "SIRET" where every one has one.
        let all_siret = subprocessors.iter().all(|s| s.siret.is_some());
        let rows = subprocessors
            .iter()
            .map(|s| {
                let mut activity = texts.get(&s.activity);
                if let Some(channels) = &s.channels {
                    let names: Vec<String> = channels
                        .iter()
                        .map(|c| self.label(c.message_id()))
                        .collect();
                    activity = self.label_with(
                        "subprocessor-channels-only",
                        &[("activity", &activity), ("channels", &names.join(", "))],
                    );
                }
                let transfer = match (&s.transfer.outside_eu, &s.transfer.mechanism) {
                    (false, _) => self.label("subprocessor-transfer-no"),
                    (true, Some(mechanism)) => self.label_with(
                        "subprocessor-transfer-yes",
                        &[("mechanism", &texts.get(mechanism))],
                    ),
                    (true, None) => self.label("subprocessor-transfer-yes-unspecified"),
                };
                vec![
                    vec![
                        Block::Paragraph {
                            inlines: vec![Inline::Strong {
                                inlines: vec![Inline::text(self.subprocessor_name(s))],
                            }],
                        },
                        Block::paragraph(&s.legal_name),
                    ],
                    vec![Block::paragraph(match (&s.siret, &s.registration) {
                        // Under a "SIRET" column, the bare number.
                        (Some(siret), _) if all_siret => siret.grouped(),
                        (Some(siret), _) => format!("SIRET {}", siret.grouped()),
                        (None, registration) => registration.clone().unwrap_or_default(),
                    })],
                    vec![Block::paragraph(activity)],
                    vec![
                        Block::paragraph(&s.address),
                        Block::paragraph(self.label_with(
                            "subprocessor-location",
                            &[("location", &texts.get(&s.processing_location))],
                        )),
                    ],
                    vec![Block::paragraph(transfer)],
                    vec![Block::paragraph(texts.get(&s.contract))],
                ]
            })
            .collect();
        let number = if all_siret { "siret" } else { "registration" };
        let header = [
            "name", number, "activity", "address", "transfer", "contract",
        ]
        .map(|column| self.label(&format!("subprocessor-column-{column}")))
        .to_vec();
        vec![Block::Table(Table {
            caption: self.label_with(
                "subprocessor-caption",
                &[("processor", self.corpus.short_name(self.lang))],
            ),
            header,
            rows,
            widths: vec![5, 5, 5, 7, 4, 4],
        })]
    }

    /// Annex D: company-wide measures by kind, then per application topic.
    fn security(&self, annex: &mut Section, texts: &mut Texts) {
        let Some(security) = &self.corpus.facts.security else {
            return;
        };
        annex
            .blocks
            .push(Block::paragraph(texts.get(&security.intro)));
        let mut general = part(
            "security-general".into(),
            self.label("security-general"),
            Vec::new(),
        );
        for group in &security.general {
            general.children.push(part(
                format!("security-{}", group.id),
                texts.get(&group.title),
                vec![Block::list(
                    ListStyle::Bullet,
                    group.measures.iter().map(|m| texts.get(m)),
                )],
            ));
        }
        let mut applications = part(
            "security-applications".into(),
            self.label("security-applications"),
            vec![Block::paragraph(texts.get(&security.applications_intro))],
        );
        for topic in &security.applications {
            let mut blocks: Vec<Block> = topic
                .paragraphs
                .iter()
                .map(|p| Block::paragraph(texts.get(p)))
                .collect();
            let host = topic.host.as_ref();
            if let Some(host) = host.and_then(|id| self.corpus.facts.subprocessor(&id.value)) {
                blocks.push(self.host_card(host, texts));
            }
            if !topic.backups.is_empty() {
                blocks.push(Block::list(
                    ListStyle::Bullet,
                    topic.backups.iter().map(|backup| {
                        self.label_with(
                            "backup-retention",
                            &[
                                ("frequency", &self.label(backup.frequency.message_id())),
                                ("kept", &backup.kept.short(self.lang, self.labels)),
                            ],
                        )
                    }),
                ));
            }
            let mut measures: Vec<String> = topic.measures.iter().map(|m| texts.get(m)).collect();
            if let Some(logs) = &topic.logs {
                measures.push(self.label_with(
                    "security-log-retention",
                    &[
                        ("kept", &logs.kept.short(self.lang, self.labels)),
                        ("archived", &logs.archived.short(self.lang, self.labels)),
                    ],
                ));
            }
            if !measures.is_empty() {
                blocks.push(Block::list(ListStyle::Bullet, measures));
            }
            blocks.extend(topic.closing.iter().map(|p| Block::paragraph(texts.get(p))));
            applications.children.push(part(
                format!("security-{}", topic.id),
                texts.get(&topic.title),
                blocks,
            ));
        }
        annex.children = vec![general, applications];
    }

    /// The hosting provider's company details, as annex D presents them.
    fn host_card(&self, host: &Subprocessor, texts: &mut Texts) -> Block {
        let mut lines = vec![Inline::Strong {
            inlines: vec![Inline::text(&host.name)],
        }];
        for detail in &host.registry {
            lines.push(Inline::Break);
            lines.push(Inline::text(texts.get(detail)));
        }
        lines.push(Inline::Break);
        lines.push(Inline::text(self.label_with(
            "subprocessor-head-office",
            &[("address", &host.address)],
        )));
        if let Some(website) = &host.website {
            lines.push(Inline::Break);
            lines.push(Inline::Link {
                url: website.to_string(),
                inlines: vec![Inline::text(website.as_str())],
            });
        }
        Block::Paragraph { inlines: lines }
    }
}
