# Versions: history, drafts and comparisons (`clausier diff`).

## Version history, after the annexes
history-title = Version history
history-caption = Published versions
history-changes = Changes

## Unreleased drafts (`clausier build --draft`)
draft-version = unreleased draft
draft-date = not applicable (draft)

## Comparison of two versions
redline-heading = Comparison of versions { $from } and { $to }
redline-from = Earlier version
redline-to = New version
redline-summary = What the new version changes
redline-changed = Sections changed
redline-nothing-changed = The text is unchanged.
redline-legend = Key
redline-inserted = text added
redline-deleted = text deleted
redline-added-section = section added
redline-removed-section = section removed
