# Tandem — English messages (the reference locale).
# Every message id here must also exist in ../hy/main.ftl and ../ru/main.ftl;
# the tests in src/i18n/mod.rs check this.

## General

app-name = Tandem
server-listening = Tandem is listening on { $url }

lang-hy = Armenian
lang-en = English
lang-ru = Russian

role-admin = Administrator
role-editor = Editor
role-translator = Translator
role-reviewer = Reviewer

state-untranslated = Untranslated
state-draft = Draft
state-translated = Translated
state-needs-work = Needs work
state-approved = Approved

## Errors: one message per error code, `error-` + the code with `_` turned into `-`.

error-invalid-language =
    { $reason ->
        [language] "{ $tag }" is not a valid language tag: the IANA Language Subtag Registry has no language "{ $subtag }". Use a tag such as "hy", "en" or "ru".
        [extlang] "{ $tag }" is not a valid language tag: the IANA Language Subtag Registry has no extended language "{ $subtag }" for this language.
        [script] "{ $tag }" is not a valid language tag: the IANA Language Subtag Registry has no script "{ $subtag }".
        [region] "{ $tag }" is not a valid language tag: the IANA Language Subtag Registry has no region "{ $subtag }".
        [variant] "{ $tag }" is not a valid language tag: the IANA Language Subtag Registry has no variant "{ $subtag }".
        [repeated] "{ $tag }" is not a valid language tag: "{ $subtag }" appears in it twice.
        [not_a_language] "{ $tag }" names no language. Use a tag such as "hy", "en" or "ru".
       *[other] "{ $tag }" is not a valid BCP 47 language tag. Use a tag such as "hy", "en" or "ru".
    }
error-unknown-language = The language "{ $tag }" is not enabled on this server. Ask an administrator to enable it.
error-language-exists = This language is already enabled on this server.
language-tag-replaced = The IANA Language Subtag Registry writes "{ $requested }" as "{ $tag }", so the language is stored as "{ $tag }".
error-empty-text = The text is empty or contains only white space.
error-payload-too-large =
    The request is too large: the limit is { $limit ->
        [one] { $limit } byte
       *[other] { $limit } bytes
    }. Shorten the text and try again.
error-too-many-segments =
    The text splits into { $count ->
        [one] { $count } paragraph
       *[other] { $count } paragraphs
    }, but at most { $limit } are allowed. Shorten the text or split it into several statements.
error-segment-too-long =
    A paragraph is longer than { $limit ->
        [one] { $limit } character
       *[other] { $limit } characters
    }. Split it into shorter paragraphs.
error-unsupported-media-type = Unsupported Content-Type. Send the request as { $expected }.
error-unsupported-media = { $kind ->
        [binary] This is binary data, not text.
       *[other] This is a { $kind } file, not text.
    } Paste the text itself, or save the document as plain text (.txt) and upload that.
error-invalid-json = The request body is not valid JSON or has wrong or unknown fields: { $reason }
error-invalid-utf8 = The request body is not valid UTF-8 text.
error-invalid-input = { $why ->
        [empty] The field "{ $field }" is empty.
        [too_long] The field "{ $field }" is longer than { $max } { $max ->
            [one] character
           *[other] characters
        }.
        [too_short] The field "{ $field }" is shorter than { $min } { $min ->
            [one] character
           *[other] characters
        }.
        [length] The field "{ $field }" must be { $min } to { $max } characters long.
        [range] The field "{ $field }" must be a number from { $min } to { $max }.
        [one_of] The field "{ $field }" must be one of: { $allowed }.
        [characters] The field "{ $field }" may hold only letters, digits, ".", "_" and "-".
        [base_version_required] Name the version your change is based on (base_version or If-Match).
        [own_admin] You cannot remove your own administrator role.
        [comment_required] Say why you are returning it: a comment is required.
        [no_revision] The unit has no such revision.
        [target_is_source] { $lang } is the source language, so it cannot be a target language.
        [lang_required] Name the target language with ?lang=.
        [language_mismatch] The file is in { $found }, not in { $asked }.
       *[other] The field "{ $field }" is invalid: { $reason }
    }
error-invalid-format = Unknown text format "{ $format }". Use "text" or "markdown".
error-not-found =
    { $resource ->
        [statement] The statement was not found.
        [user] The user was not found.
        [paragraph] The paragraph was not found.
        [sentence] The sentence was not found.
        [translation] The translation was not found.
        [unit] The segment was not found.
        [route] There is nothing at this address.
        [delivery] The webhook delivery was not found.
        [language] The language was not found.
        [memory_entry] The memory pair was not found.
        [publication] The publication was not found.
        [segment] The segment was not found.
        [term] The glossary term was not found.
        [token] The API token was not found.
        [webhook] The webhook was not found.
       *[other] Not found: { $resource }.
    }
error-statement-not-found = Statement { $id } was not found. It may have been deleted.
error-username-taken = The username "{ $username }" is already taken. Please choose another one.
error-invalid-credentials = Wrong username or password.
error-too-many-attempts =
    Too many failed sign-in attempts. Please wait { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    } and try again.
error-unauthenticated = You are not signed in. Please sign in first.
error-forbidden = You do not have the role required for this action ({ $action }). Ask an administrator if you need it.
error-not-assigned =
    { $reason ->
        [closed] Nobody is assigned to this paragraph, and its statement is not open to translators. Ask the editor to assign the paragraph to you or to open the statement.
       *[other] This paragraph is not assigned to you. Ask the editor if it should be.
    }
error-csrf-failed = The X-CSRF-Token header is missing or wrong. Reload the page and try again.
error-invalid-token = The access token is unknown or has been revoked.
error-internal = An unexpected error occurred. It has been logged; please try again.
error-unavailable = The database cannot be reached right now. Please try again in a moment.
error-method-not-allowed = This HTTP method is not allowed at this address.
error-version-conflict = Someone else changed this segment in the meantime. Reload it, check their changes and try again.
error-self-review = You cannot approve your own translation; another reviewer has to approve it.
error-not-approved = The statement cannot be published yet: some segments have not been approved.
error-invalid-transition = This change is not allowed while the segment is { $state ->
        [untranslated] untranslated
        [draft] a draft
        [translated] waiting for review
        [needs_work] returned for rework
       *[approved] approved
    }.
error-lacks-role = { $username } cannot be assigned here: they do not hold the { $role } role for { $lang }.
error-revision-conflict = Someone else changed the source text in the meantime (it is now at revision { $current }). Reload it and make your changes again.

## Public pages
page-publications = Published statements
page-no-publications = Nothing has been published yet.
page-side-by-side = All languages side by side
page-other-languages = Other languages
page-version = Version { $number }
page-published-on = Published on { $date }
page-newer-version = A newer version of this statement has been published.
page-see-latest = Read the latest version
page-original = Original
page-feed = News feed in { $language }
page-interface-language = Interface language
page-not-found = There is no such page.
page-versions = All versions
error-invalid-xliff = The file is not a valid XLIFF document: it breaks the rule { $rule }. Nothing was imported.
error-invalid-file = The file cannot be read: it breaks the rule { $rule } ({ $detail }). Nothing was imported.
error-checks-failed =
    This translation cannot be approved yet: the checks found { $count ->
        [one] { $count } error
       *[other] { $count } errors
    }. Correct the text and try again.
error-invalid-webhook-url = The webhook address cannot be used ({ $reason }). Give a full address starting with http:// or https://.
error-webhook-url-forbidden = Webhooks are not sent to { $destination }: it is { $range ->
        [loopback] this server's own loopback address
        [unspecified] an unspecified address
        [private] an address of a private network
        [shared] an address of a provider's shared network (carrier-grade NAT)
        [link_local] a link-local address, where cloud metadata services answer
        [unique_local] a unique local IPv6 address
        [multicast] a multicast address
        [broadcast] the broadcast address
        [documentation] an address set aside for documentation
        [benchmarking] an address set aside for benchmarks
       *[reserved] a reserved address
    }. An operator can allow an intranet range with --allow-outbound.

## The translators' desk
ui-sign-in = Sign in
ui-username = Username
ui-password = Password
ui-sign-in-intro = Sign in to translate, review and publish statements.
ui-sign-out = Sign out
ui-my-work = My work
ui-to-translate = To translate
ui-to-review = To review
ui-returned = Returned to me
ui-due = Due { $date }
ui-nothing-to-do = Nothing is waiting for you right now.
ui-language = Language
ui-public-pages = Published statements
ui-open-editor = Open
ui-source = Source
ui-translation = Translation
ui-save = Save
ui-reopen = Re-open
ui-submit = Submit for review
ui-approve = Approve
ui-reject = Send back
ui-reject-reason = Why it goes back
ui-saved = Saved
ui-conflict = Someone else changed this paragraph while you were typing. Your text is kept below; choose what to keep.
ui-keep-mine = Keep my text
ui-take-theirs = Take their text
ui-their-text = Their text
ui-your-text = Your text
ui-statements = Statements
ui-new-statement = New statement
ui-title = Title
ui-source-language = Source language
ui-target-languages = Translate into
ui-format = Format
ui-format-text = Plain text (blank lines between paragraphs)
ui-format-markdown = Markdown
ui-text = Text
ui-upload-file = Or load a .txt or .md file
ui-file-not-text = This file is not plain text. Open it in your word processor, copy the text and paste it here, or save it as plain text (.txt) first.
ui-preview = Preview the split
ui-create = Create the statement
ui-approved-share = { $percent }% approved
ui-published-version = Published: version { $number }, { $date }
ui-not-published = Not published yet
ui-due-on = Due { $date }
ui-overdue-since = Overdue since { $date }
ui-no-statements = There are no statements yet.

## The desk: review, statements, administration, editor
ui-review-queue = Review
ui-admin = Administration
ui-revision = Revision { $number }
ui-progress = Progress
ui-assign = Assign
ui-role = Role
ui-person = Person
ui-nobody = Nobody (remove the assignment)
ui-due-date = Due date
ui-which-paragraphs = Which paragraphs
ui-all-paragraphs = All paragraphs
ui-selected-paragraphs = Only the ticked paragraphs
ui-paragraph-number = Paragraph { $number }
ui-headline = Headline
ui-assigned = Assigned.
ui-open-to-translators = Open to translators: the paragraphs nobody is assigned to may be taken by any translator of their language
ui-open-to-translators-hint = Without this, those paragraphs wait for an editor, who translates them or assigns them. A paragraph assigned to someone stays theirs either way.
ui-edit-source = Change the source text
ui-show-changes = Show what will change
ui-fate-kept = unchanged
ui-fate-edited = changed
ui-fate-inserted = new paragraph
ui-fate-removed = removed
ui-no-changes = Nothing would change.
ui-minor-change = Minor change (a typo or punctuation): translations keep their state
ui-minor-change-hint = Without this, the translations of changed paragraphs go back to their translators to be checked.
ui-save-source = Save the new source text
ui-publish = Publish
ui-publish-languages = Languages to publish
ui-publications = Publications and files
ui-no-publications = Nothing has been published yet.
ui-version = Version
ui-date = Date
ui-languages = Languages
ui-files = Files
ui-working-files = Current work, for outside tools
ui-downloads = Downloads
ui-latest-version = Published version { $number }
ui-nothing-to-review = Nothing is waiting for your review.
ui-compared-with = Changes since version { $version }
ui-first-translation = First translation: all of it is new
ui-four-eyes = You wrote this translation, so another reviewer has to approve it. You can still send it back.
ui-reason-needed = First write why it goes back.
ui-people = People
ui-display-name = Display name
ui-new-person = Add a person
ui-roles-after = Give roles in the table above once the person is added.
ui-add-person = Add the person
ui-language-tag = Language tag (BCP 47)
ui-language-name = Name in English
ui-language-native-name = Name in the language itself
ui-add-language = Add the language
ui-manage-statement = Manage the statement
ui-pivot = Show beside it:
ui-pivot-none = no other language
ui-shortcuts-title = Keyboard shortcuts
ui-key-save = save
ui-key-submit = submit for review
ui-key-move = next or previous paragraph
ui-key-copy-source = copy the source into the translation
ui-key-approve = approve (reviewers)
ui-key-reject = send back with a reason (reviewers)
ui-changed-by = Changed meanwhile by
ui-editing-now = editing now
ui-live-offline = Live updates are interrupted; reconnecting…
ui-numbers-missing = Numbers of the source missing here:
ui-numbers-extra = Numbers that are not in the source:
ui-quotes-missing = The source quotes someone, but the translation has no quotation marks.
ui-copy-source = Copy the source
ui-cancel = Cancel
ui-merge = Merge by hand
ui-history-and-comments = History and comments
ui-select-paragraph = Select a paragraph to see its history and comments.
ui-history = History
ui-comments = Comments
ui-add-comment = Add a comment
ui-send-comment = Send the comment
action-save = saved
action-revert = an earlier version restored
action-submit = submitted for review
action-approve = approved
action-reject = sent back
action-source-changed = the source changed
action-minor-source-change = the source corrected (minor)
action-approve-aligned = approved as published before (aligned)
ui-no-history = No changes yet.
ui-no-comments = No comments yet.
ui-memory = Translation memory
ui-no-suggestions = Nothing similar has been translated before.
ui-note-memory = From the translation memory ({ $score }% match)
ui-note-import = Imported from { $file }
ui-note-alignment = Paired with an earlier translation
ui-note-source-revision = Source revision { $number }
ui-status-submitted = Submitted for review
ui-status-approved = Approved
ui-status-returned = Returned to the translator
ui-copy-source-confirm = Replace your translation with the source text?
ui-copy-source-undo = { $keys } brings your text back.
ui-copy-source-replace = Replace
ui-copy-source-keep = Keep my translation
ui-skip-to-units = Skip to the paragraphs
ui-skip-to-content = Skip to the content
ui-use-suggestion = Use this translation
ui-terms = Glossary terms
ui-no-terms = No glossary terms in this paragraph.
ui-term-preferred = preferred
ui-term-do-not-translate = keep untranslated
ui-checks = Quality checks
ui-no-findings = The checks found nothing to correct.

## Quality checks


check-empty-target = The translation is empty.
check-unchanged-from-source = The translation is identical to the source. Was it left untranslated?
check-number-missing = The number { $number } from the source is missing from the translation or has a different value there.
check-number-added = The translation has the number { $number }, which is not in the source.
check-date-mismatch =
    { $side ->
        [source] The date “{ $date }” from the source is missing from the translation or names a different day there.
       *[target] The date “{ $date }” in the translation does not match any date in the source.
    }
check-end-punctuation =
    { $found ->
        [none] The translation has no final punctuation mark; the source calls for “{ $expected }”.
       *[other]
            { $expected ->
                [none] The translation ends with “{ $found }”, but the source has no final punctuation mark.
               *[other] The translation ends with “{ $found }”; the source calls for “{ $expected }”.
            }
    }
check-quote-style = The quotation mark { $found } is not used in this language: use { $expected } instead.
check-double-space = The translation has doubled spaces (places: { $count }).
check-edge-whitespace =
    { $edge ->
        [start] The translation starts with a space.
        [end] The translation ends with a space.
       *[both] The translation starts and ends with a space.
    }
check-mixed-script = The word “{ $word }” mixes letters of different alphabets, such as a Latin “o” in a Cyrillic word.
check-link-missing = The link { $link } from the source is missing from the translation or has been changed.
check-glossary-not-followed = The glossary translates “{ $term }” as “{ $translation }”, but the translation does not use it.
check-forbidden-term = The translation uses “{ $translation }”, which the glossary forbids for “{ $term }”.
check-sentence-count = Sentences in the source: { $source }; in the translation: { $target }. Make sure nothing was left out or added.
check-length-ratio = The translation is { $ratio }% of the source’s length; for this language pair about { $expected }% is usual.
check-cross-language-missing = “{ $item }” from the source is in other translations ({ $found_in }) but not in this one.
ui-align = Align a translation
ui-align-intro = Paste a text and a translation that was made earlier. Tandem pairs their paragraphs and sentences; check the pairs, then keep them in the translation memory or make a statement whose paired paragraphs are already approved.
ui-translation-language = Language of the translation
ui-align-run = Align
ui-align-result = Pairs found
ui-align-remember = Keep the pairs in the memory
ui-align-statement = Make an approved statement
ui-align-remembered = Pairs added to the memory:
ui-prefill = Start paragraphs the translation memory knows word for word as drafts

## Screens
ui-memory-nav = Memory
ui-glossary = Glossary
ui-tokens = API tokens
ui-tokens-intro = A token lets a script or an outside tool (a translation tool, your website) use the API in your name, with your roles. Give each tool its own token, so that you can revoke one without stopping the others.
ui-token-name = What the token is for
ui-token-create = Create a token
ui-token-secret = Your new token
ui-secret-once = This is the only time it is shown. Copy it now and keep it somewhere safe.
ui-copy = Copy
ui-copied = Copied.
ui-token-list = Your tokens
ui-no-tokens = You have no API tokens.
ui-created = Created
ui-actions = Actions
ui-revoke = Revoke
ui-token-revoked = Revoked:
ui-any-language = Every language
ui-show = Show
ui-no-pair-terms = There are no terms for this language pair yet.
ui-term = Term
ui-term-translation = Translation
ui-term-status = Status
ui-term-note = Note
ui-language-pair = Language pair
ui-delete = Delete
ui-download = Download
ui-new-term = New term
ui-status-preferred = Preferred
ui-status-forbidden = Forbidden
ui-status-do-not-translate = Do not translate
ui-term-status-hint = The checks warn about a forbidden translation; a term not to be translated stays as it is in every language.
ui-add-term = Add the term
ui-import-terms = Import terms
ui-file = File
ui-import-terms-hint = A file is imported whole or not at all. The first line of a CSV file must be:
ui-import = Import
ui-terms-imported = Terms added or updated:
ui-memory-query = Word or phrase
ui-memory-search-hint = Both the source and the translation are searched, whatever the case of the letters.
ui-search = Search
ui-memory-found = Pairs found: { $count }
ui-memory-nothing = The memory holds no such pair.
ui-origin-approved = approved translation
ui-origin-aligned = aligned text
ui-origin-tmx = imported from TMX
ui-memory-deleted = The pair was deleted.
ui-memory-files = TMX files
ui-memory-export = Download the whole memory (TMX)
ui-memory-import = TMX file to import
ui-upload-progress = Upload progress
ui-memory-imported = Pairs remembered:
ui-public-nav = Published
ui-audit-log = Audit log
ui-audit-statement = Statement
ui-audit-any = Any
ui-audit-anyone = Anyone
ui-audit-action = Action
ui-audit-from = From
ui-audit-to = To
ui-audit-bad-filter = The filter could not be read: check the dates.
ui-audit-csv = Download as CSV
ui-audit-nothing = No lines match the filter.
ui-audit-when = When (UTC)
ui-audit-subject = Subject
ui-audit-details = Details
ui-audit-address = Address
ui-audit-older = Older lines
ui-audit-signed-in = Signed in
ui-audit-sign-in-failed = Failed sign-in
ui-audit-signed-out = Signed out
ui-audit-token-created = API token created
ui-audit-token-revoked = API token revoked
ui-audit-user-created = Person added
ui-audit-roles-changed = Roles changed
ui-audit-unit-approved = Translation approved
ui-audit-unit-returned = Translation sent back
ui-audit-statement-published = Statement published
ui-audit-user-disabled = Account disabled
ui-audit-user-enabled = Account enabled
ui-account = Account
ui-account-active = Active
ui-account-disabled = Disabled
ui-disable = Disable
ui-enable = Enable
ui-password-optional = Leave the password empty and Tandem makes a one-time password for the person.
ui-invite-password = Password for the new person
ui-invite-once = Give it to the person yourself: it is shown only now, and they sign in with it.
error-delivery-pending = Delivery { $id } is still waiting for its attempt; it can be sent again once it has been delivered or has failed.
ui-webhooks = Webhooks
ui-webhooks-intro = Tandem tells other systems (your website, a content management system) about approvals and publications by sending signed requests to their addresses.
ui-webhook-new = Register a webhook
ui-webhook-url = Address (URL)
ui-webhook-every-statement = Every statement
ui-webhook-events = Events (none ticked: all of them)
ui-event-unit-approved = A translation is approved
ui-event-language-completed = A language is fully approved
ui-event-statement-published = A statement is published
ui-webhook-register = Register
ui-webhook-secret = Signing secret
ui-webhook-rotate = Make a new secret
ui-webhook-deliveries = Recent deliveries
ui-webhook-no-deliveries = Nothing has been sent yet.
ui-webhook-event = Event
ui-webhook-state = State
ui-webhook-attempts = Attempts
ui-webhook-answer = Last answer
ui-delivery-pending = waiting
ui-delivery-delivered = delivered
ui-delivery-failed = failed
ui-retry = Send again
ui-webhook-retrying = It will be sent again shortly.
ui-no-webhooks = No webhooks are registered.
