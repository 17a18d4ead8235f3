//! The preview's private folder.
//!
//! A fresh folder under the system's temporary folder, not
//! `<root>/out` nor anything under the corpus: CI publishes `out/`, and a
//! preview builds unreleased drafts, which must never land where a
//! release is published from, be committed by a careless `git add`, or
//! outlive the preview. It is made by this process alone (never reused,
//! so nobody can have put a link there first), readable by its user
//! alone, and removed when the preview stops.

use std::fs;
use std::io;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

/// The private folder; removed, with everything in it, when dropped.
pub struct Preview {
    /// `<temp>/clausier-preview-<pid>-<nanoseconds>`, mode 0700. The build
    /// writes the site into `site/` inside it, and its lock and staging
    /// folders beside that, so they stay private too.
    folder: PathBuf,
}

impl Preview {
    /// Makes a new private folder (not yet holding the site).
    pub fn create() -> io::Result<Preview> {
        use std::os::unix::fs::DirBuilderExt;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.subsec_nanos());
        let name = format!("clausier-preview-{}-{nanos}", std::process::id());
        let folder = std::env::temp_dir().join(name);
        // `create`, not `create_all`: fails if the name exists, so the
        // folder is certainly this process's own.
        fs::DirBuilder::new()
            .mode(0o700)
            .create(&folder)
            .map_err(|error| {
                io::Error::new(
                    error.kind(),
                    format!(
                        "cannot create the preview folder {}: {error}",
                        folder.display()
                    ),
                )
            })?;
        Ok(Preview { folder })
    }

    /// The folder the site is built into and served from. It does not
    /// exist until the first build succeeds.
    pub fn site(&self) -> PathBuf {
        self.folder.join("site")
    }

    /// The private folder itself.
    #[cfg(test)]
    pub fn folder(&self) -> &std::path::Path {
        &self.folder
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.folder);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_preview_folder_is_private_and_removed() {
        let preview = Preview::create().unwrap();
        let folder = preview.folder().to_path_buf();
        let mode = fs::metadata(&folder).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        assert!(preview.site().starts_with(&folder));
        fs::create_dir(preview.site()).unwrap();
        drop(preview);
        assert!(!folder.exists());
    }
}
