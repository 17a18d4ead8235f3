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

## Notice to clients of a change of sub-processors (`clausier notice`)
notice-title = Notice of changes to sub-processors
notice-date = Date of notice: { $date }
notice-addressee = For the attention of { $name } ({ $email })
notice-deadline = Deadline for objections: { $deadline } (for a notice received on { $received })
notice-intro = In accordance with Article 28(2) GDPR, { $processor } informs you of the changes made to its list of sub-processors ({ $annex }) of the "{ $document }". These changes are set out in version { $version } of the agreement, which applies from { $effective }.
notice-objection = You have { $period } from receipt of this notice to raise your objections: for a notice received on { $received }, this period ends on { $deadline } inclusive.
notice-how-to-object = Please send your objections in writing to { $processor }, { $address }, or by e-mail to { $email }, stating the grounds for your objection.
notice-how-to-object-by-post = Please send your objections in writing to { $processor }, { $address }, stating the grounds for your objection.
notice-consequence = The consequences of an objection are those set out in clause { $clause } of the agreement ("{ $title }").
notice-release-summary = Version { $version } of the agreement makes the following changes: { $summary } It is published with a comparison showing its changes.
notice-redline = Comparison of versions { $from } and { $to }
notice-added = Sub-processors added
notice-removed = Sub-processors removed
notice-changed = Sub-processors changed
notice-subprocessor = Sub-processor
notice-field = Field
notice-before = Before
notice-after = After

## Atom feed of releases and notices (out/feed.xml)
feed-title = { $publisher } – legal documents: new versions and notices

## Home page of the site (out/en/index.html)
site-title = { $publisher } – legal documents
site-read = Read online
site-changes = Changes in version { $to } from version { $from }
site-feed = Follow new versions (Atom feed)
site-notices = Notices to clients
site-parallel = Bilingual edition
site-languages = Languages
