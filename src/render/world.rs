//! The typst `World`: every file typst may read lives in memory. The fonts
//! and the standard library are built once and shared by every document;
//! a document brings only its data and its date. Typst cannot reach the
//! disk, the network or the clock through it.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

use crate::text::fonts::FONTS;

use crate::corpus::date::Date;

/// The templates, compiled into the binary.
pub const TEMPLATE: &str = include_str!("../../templates/document.typ");
pub const REDLINE_TEMPLATE: &str = include_str!("../../templates/redline.typ");
pub const NOTICE_TEMPLATE: &str = include_str!("../../templates/notice.typ");

/// Where the template reads the document's data.
const DATA_PATH: &str = "/data.json";

/// What every document shares: the standard library and the embedded fonts.
pub struct Engine {
    library: LazyHash<Library>,
    fonts: &'static FontStore,
}

/// Loaded at most once per process, the first time a PDF is rendered.
pub static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine {
    library: LazyHash::new(Library::builder().build()),
    fonts: &FONTS,
});

fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("built-in paths are valid");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

/// One document's view of the world: the shared engine, the template and
/// the document's data.
pub struct DocumentWorld {
    engine: &'static Engine,
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl DocumentWorld {
    /// The world of one compilation of `template` over `data`.
    pub fn new(template: &str, data: Vec<u8>, today: Date) -> DocumentWorld {
        DocumentWorld {
            engine: &ENGINE,
            main: Source::new(file_id("/main.typ"), template.to_string()),
            data_id: file_id(DATA_PATH),
            data: Bytes::new(data),
            today: Datetime::from_ymd(today.year, today.month, today.day)
                .expect("validated dates are valid typst dates"),
        }
    }
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.engine.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.font(index)
    }

    /// The document's effective date: output never depends on the clock.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
