# Every English text of the bot. Field help comes from the record schema's descriptions (in
# Chinese, the language of the records); list, kind and category names from the schema's labels.

## Commands
start-public = Hello! This is the submission bot of the labour-relations credit lists of { $publisher }.
    /objection object to a published entry
    /repair apply for the early removal of a black-list entry (credit repair)
    /status see what you have submitted
    /help how this works
start-submitter = Hello, submitter of { $unit }!
    /new add an entry to a list
    /objection object to an entry · /repair apply for credit repair
    /status see your submissions · /help how this works
help = How this works
    /new add an entry (allow-listed submitters only)
    /objection object to a published entry: we check it within { $days } working days of receipt
    /repair a black-listed subject applies for early removal (credit repair)
    /status your submissions and where their review stands
    /cancel abandon the form you are filling in, at any time
    Every question has a Back button, and /help explains the current question; at the end you see a summary, can change any answer, and nothing is submitted before you confirm.
private-only = To keep information safe, please use these commands in a private chat with the bot.
new-not-allowed = Only allow-listed submitters can add entries. Your Telegram user id is { $id }: to be added, give it to the publisher's administrator (content/submitters.yaml).
    Anyone can use /objection or /repair.
unhandled = I did not understand that. Send /help to see what I can do.
cancelled = Cancelled; nothing was submitted.
nothing-to-cancel = There is no form in progress.
rate-limited = Too many messages: please wait { $seconds } seconds.
error-internal = Sorry, something went wrong on our side (reference { $update }); it has been logged. Please try again later, and tell the publisher if it keeps happening.

## Forms
button-back = ⬅️ Back
button-skip = Skip
button-keep = Keep
button-done = ✅ Done
button-cancel = ✖️ Cancel
button-confirm = ✅ Confirm and submit
button-edit = ✏️ { $label }
button-add = ➕ { $label }
button-override = Use this code anyway (give a reason)
button-stale = This button no longer works: use the buttons of the latest message.
yes = Yes
no = No
none = (none)
optional-mark = (optional)
current-answer = Current answer: { $value }
how-choice = Press one of the buttons.
how-text = Type your answer.
how-files = Send { $what }, one or more, then press Done.
files-what-pdf = photos or PDF files
files-what-pictures = photos (pictures only, no PDF)
how-repeat = Press ➕ to add one at a time, then Done; Skip if there is none.
repeat-listing = Added so far:
    { $items }
check-failed = An internal error occurred while checking; it has been logged
check-failed-fix = Please answer again in a moment, or send /cancel to stop.
re-ask = ⚠️ { $what }
    { $fix }
    Please answer again: { $label }
form-help-question = ℹ️ Current question: { $label }
form-help-summary = ℹ️ This is the summary before submitting: check every answer; nothing is submitted before you confirm.
form-help-moves = You can:
nav-back = · go back to the previous question: press ⬅️ Back or send /back
nav-skip = · leave this one out: press Skip or send /skip
nav-edit = · after the last question you see a summary where ✏️ changes any answer; nothing is submitted before you confirm
nav-summary = · change an answer: press its ✏️ button; return to the last question: ⬅️ Back; submit: ✅ Confirm
nav-cancel = · abandon the form: press ✖️ Cancel or send /cancel (nothing is submitted)
form-skip-required = ⚠️ This question must be answered; it cannot be skipped.
form-back-first = ⚠️ This is the first question; there is nothing before it.
form-command-status = ℹ️ Your submissions can be listed once this form is finished or cancelled: then send /status. Your answers are kept; please go on with the question above.
form-command-other-form = ℹ️ You are filling in a form: to use /{ $command }, finish this one first or send /cancel. Your answers are kept; please go on with the question above.
form-command-unknown = ⚠️ There is no /{ $command } command. Your answers are kept; please go on with the question above, or send /help to read about it.
choice-typed = This question is answered with a button
choice-typed-fix = Press one of the buttons (or type the text on it).
wrong-message-type = This question needs a text answer, not a sticker, voice message, location or the like
file-not-expected = This question does not take a file
summary-title = [{ $title }] Please check:
summary-problems = To fix before submitting:
summary-confirm-hint = If everything is right, press Confirm; to change an answer, press its ✏️ button.
summary-fix-hint = Press the ✏️ button of each problem above to fix it; then you can submit.
summary-use-buttons = Please use the buttons under the summary: change an answer, confirm, or cancel.
submit-failed = ⚠️ The submission did not go through: { $error }
    Your answers are kept: press Confirm in the summary again a little later.
submitted-pr = ✅ Submitted for review as { $id }: { $url }
    It is published once reviewed and approved; send /status to follow it.
submitted-public = Reference { $id }. Send /status at any time to see how it is being handled.
submitted-branch = ✅ Submitted as { $id }; stored and queued for review (branch { $branch }).
    Send /status for the review link and its progress.

## Text rules
text-empty = The answer is empty
text-empty-fix = Please type something.
text-control = The text contains invisible control characters
text-control-fix = Type it again instead of pasting formatted text from another program.
text-bidi = The text contains direction-changing control characters that would garble the published page
text-bidi-fix = Remove those invisible characters (typing the text by hand does it).
text-rtl = The text contains right-to-left script (Arabic, Hebrew, …)
text-rtl-fix = Published entries are in Chinese; write foreign names in Latin letters.
text-emoji = An official publication cannot contain emoji
text-emoji-fix = Remove the emoji and send it again.
text-html = The text contains HTML tags or entities (such as <script> or &amp;)
text-html-fix = Send plain text only, no web markup.
text-yaml = This looks like a piece of a record file ("field: value", "---", "&anchor")
text-yaml-fix = Send only the value of this answer, without field names or YAML marks.
text-no-content = The answer has no letters or digits
text-no-content-fix = Please type the actual content.
text-multiline = This answer must be one line
text-multiline-fix = Remove the line breaks.

## Dates
date-invalid = "{ $value }" is not a valid date
date-invalid-fix = Write it as YYYY-MM-DD, e.g. 2026-07-15.
date-future = { $date } has not come yet
date-future-fix = Give a date that has passed.

## Attachments
files-accepted = Accepted: { $types }; at most { $max } per file; up to { $count } files.
files-count = { $count } file(s)
files-none = No file received yet
files-none-fix = Send a file first, then press Done.
files-expected = This question needs { $what }
files-too-many = At most { $max } files
files-too-many-fix = Press Done to go on.
file-too-big = The file has { $size }, more than the { $max } limit; it was not accepted
file-too-big-fix = Compress it or split it into files of at most { $max } and send them again; 200 dpi is enough for scans.
file-wrong-type = The file's content is not an accepted type (found: { $found })
file-wrong-type-fix = Only { $types } are accepted: send pictures as photos, documents as PDF.
file-wrong-type-fix-pictures = This question takes pictures only ({ $types }), because they are shown on the published page: send them as photos, and send PDF documents at the decision document question.
file-download-failed = The file could not be read ({ $detail })
file-download-failed-fix = Send it again; compress it first if it is larger than { $max }.
file-caption = The file's caption is not acceptable: { $problem }
file-caption-fix = Send the file again without the caption or with a corrected one.
file-received = File { $n } received ({ $type }, { $size }). Send another, or press Done.
files-help-case-report = Typical-case report (以案释法): a black-list entry should carry one, text or pictures.
files-help-picture = Pictures published with the entry.
files-help-decision = A scan or photo of the decision document.
files-help-evidence = Evidence: not published, for verification only.
files-help-pledge = A scan or photo of the signed and stamped written pledge: not published, for review only.

## /new
new-title = New entry
new-intro = Adding an entry for { $unit }. About twenty questions; Back works at every step and you check everything before submitting. Send /cancel at any time to stop.
    The review (审核) and the approval (审定) are given by the reviewers afterwards: you do not fill them in.
new-file = Record file: { $file }
start-next-batch = { $date } (next batch { $batch })
code-layout = By parts: { $layout } (department and type · division code · organisation code · check character)
code-hints = The likeliest typing slips:
    { $hints }
code-hint-swap = · positions { $a } and { $b } swapped? It would be { $code }
code-hint-char = · position { $a } mistyped? It would be { $code }
code-hints-none = None of the usual slips (two neighbours swapped, look-alike characters) explains it, so the mistyped position cannot be told.
code-hint-check = Only if all of the first 17 characters are right is the 18th (the check character) wrong: for these 17 it would be { $check }.
code-checksum-fix = A wrong check character nearly always means one of the first 17 was mistyped: compare every character with the licence rather than changing the last one. If it really is a pilot code issued before the standard, press "Use this code anyway" and give the reason.
region-from-code = Positions 3–8 of the code are { $division } (where it was registered), proposed below: confirm or change it.
region-code-unknown = Positions 3–8 of the code, { $division }, are not a current division (it may have been abolished): give the subject's present location.
region-how = Press the proposal, type a 6-digit division code, or type a district name to search (e.g. 中山区).
region-not-found = No division's name contains "{ $name }"
region-not-found-fix = Type a district name (e.g. 中山区) or a 6-digit division code (e.g. 210202).
region-several = { $count } divisions' names contain "{ $name }"
region-several-fix = Press one of them, or type a fuller name or the 6-digit code.

## /objection
objection-title = Objection
objection-intro = You can object to a published entry. We check it within { $days } working days of receipt, counted on the holidays published by China's State Council (the day of receipt does not count); a wrong entry is corrected or revoked. The day of receipt is the day you confirm. Send /cancel at any time to stop.
objection-grounds-help = State the facts and reasons ({ $field }). Do not include ID or phone numbers: we answer you through this bot.
objection-due = Deadline: confirmed today, it is checked by { $due } at the latest (that day included; { $days } working days after receipt)
objection-due-pending = Deadline: within { $days } working days of receipt, counted on the holidays published by the State Council; the exact date is set once the { $year } holidays are published
objection-received = ✅ Objection received ({ $received }): it will be checked by { $due } at the latest (that day included; within { $days } working days); you will be told the outcome here.
objection-received-pending = ✅ Objection received ({ $received }). Deadline: within { $days } working days of receipt, counted on the holidays published by the State Council. The { $year } holidays are not published yet; the exact date is set once they are. You will be told the outcome here.
objection-submit-failed = ⚠️ The objection did not go through yet; everything you entered is kept. Press "Confirm" again in a moment; if it keeps failing, call the publisher: { $phone }.
target-question = Which entry?
target-help = Type the subject's unified social credit code, or the entry's id (e.g. 2026q3-black-001, shown on its page).
target-not-found = No published entry matches "{ $query }"
target-not-found-fix = Check the code or id: only entries being published can be the subject of an application.
target-wrong-list = "{ $name }" ({ $id }) is an entry of the { $list }, not of the { $lists }
target-repair-wrong-list-fix = Credit repair (early removal) applies to the black list only. If a red-list or demonstration entry is wrong, send /objection; to have it withdrawn, contact { $publisher }.
target-objection-wrong-list-fix = Only entries of the { $lists } can be chosen here; for questions, contact { $publisher }.
target-not-yet = Entry { $id } is not published yet (publication starts on { $start })
target-objection-not-yet-fix = An objection can be made once it is published; for questions, contact { $publisher }.
target-repair-not-yet-fix = Credit repair can be applied for once it is published.
target-ended = The publication of "{ $name }" ({ $id }) ended on { $end }; it is no longer published
target-objection-ended-fix = An entry no longer published needs no objection; if you still think it was wrong, contact { $publisher }.
target-repair-ended-fix = Its publication has ended: there is nothing to remove early.
target-status = "{ $name }" ({ $id }) is "{ $status }" and no longer published
target-objection-status-fix = An entry no longer published needs no objection; for questions, contact { $publisher }.
target-repair-status-fix = It is no longer published: there is nothing to remove early.
target-several = { $count } published entries match
target-several-fix = Press one of them.
target-refused-fix = Contact the publisher if in doubt; send /cancel to stop.
objection-grounds = Grounds of the objection

## /repair
repair-title = Credit repair application
repair-intro = A black-listed subject that has corrected the violation and repaired its effects may apply for early removal (credit repair). What is required depends on the entry's category; each condition is confirmed below. Send /cancel at any time to stop.
repair-not-configured = The entry's category ({ $category }) has no credit-repair conditions: early removal cannot be applied for here
repair-already = Entry { $id } already has a repair application under review
repair-corrected = Date the violation was corrected
repair-corrected-help = E.g. the day the wage arrears were paid in full. { $months } months must have passed since.
repair-too-early = Corrected on { $date }: { $months } months must pass, so the earliest date to apply is { $earliest }
repair-too-early-fix = Apply on or after { $earliest }; if the date was mistyped, type it again.
repair-condition = Condition { $n }
repair-condition-met = ✓ Met: { $condition }
repair-condition-unmet = ✗ Not met yet
repair-unmet-now = The condition "{ $condition }" is not met yet: until it is, this credit-repair application cannot be approved
repair-unmet-when = Meet this condition first; you can apply as soon as it is met.
repair-unmet-when-wait = Meet this condition first. This category also requires { $months } months since the correction was completed: if this condition is part of the correction (such as paying the wages owed), count from the day it is met — met today, the earliest day to apply is { $earliest }.
repair-unmet-moves = If you pressed the wrong button, choose again; press ⬅️ Back to change an earlier answer; press ✖️ Cancel to stop (nothing is submitted).
repair-evidence = Proof of correction
repair-statement = Statement on the correction
repair-received = ✅ Repair application received: the responsible unit reviews it and you will be told the outcome here.

## /status
status-title = Your latest submissions:
status-none = You have not submitted anything yet.
status-queued = stored, waiting to be sent for review
status-delivered = sent for review: { $url }
status-open = under review ({ $approvals } approval(s) so far): { $url }
status-handling = being checked: { $url }
status-merged = ✅ published: { $url }
status-closed = ✖️ not accepted: { $comment } { $url }
status-unknown = status not available right now, try again later

## Notices
notice-delivered = Your submission "{ $title }" was sent for review: { $url }
notice-published = ✅ Your submission "{ $title }" was approved and published: { $url }
notice-rejected = ✖️ Your submission "{ $title }" was not accepted. Reviewer's comment: { $comment }
    { $url }

## Command menu
command-new = add an entry (submitters)
command-objection = object to a published entry
command-repair = apply for credit repair
command-status = my submissions
command-help = how this works
command-cancel = abandon the form in progress

## Console mode
console-welcome = Honghei submission bot · console mode (no Telegram)
    You are Telegram user { $user } (unit: { $unit }); content repository: { $root }
    Type as you would in Telegram; type a button's number or its text to press it;
    /file PATH sends a file (PDF or picture), /photo PATH a photo, /quit leaves.
    Start with /new.
console-resumed = A form from an earlier run is not finished (it was saved); go on with this question:
console-blank-pending = (An empty line says nothing. The form waits for an answer to the question below: type it, a button's number, or /help.)
console-blank = (An empty line says nothing. Type a command such as /new or /help; /quit leaves.)
console-bye = Console mode ended.
console-bye-pending = Console mode ended. The unfinished form is saved: run the console again to go on.

## Notices to the administrators (content/publisher.yaml administrators)
admin-calendar-gap = ⚠️ An objection's deadline is pending: the { $year } holiday calendar is not in place. The objection to { $record } was received and its deadline recorded as pending. Once the State Council publishes the { $year } holidays, add content/calendar/{ $year }.yaml (see README, "The new year's holidays"), then run npm run review -- deadlines --write to fill the deadlines in. You are told once per year.
admin-calendar-missing = ⚠️ The { $year } holiday calendar is not in place yet. Once the State Council publishes it, add content/calendar/{ $year }.yaml (see README, "The new year's holidays"); until then, objection deadlines reaching into { $year } stay pending. You are told once per year.
admin-outbox-stuck = ⚠️ Submission { $id } has not reached { $forge } since { $since } (China time) after { $attempts } attempts; last error: { $error }. The bot keeps retrying; check that the forge is reachable and its token valid (details in the bot's log). You are told once per submission.
admin-bot-error = ⚠️ The bot failed to handle an update ({ $update }): { $error }. Details are in the bot's log. You are told once per kind of error.
admin-webhook-error = ⚠️ Since { $since } (China time) Telegram cannot deliver updates to the bot's webhook: { $error }. Check the BOT_WEBHOOK_URL address, its HTTPS certificate and reverse proxy, and that the bot process runs (details in the bot's log). You are told once per kind of error.
reminder-objection-due = ⏰ An objection is due soon: the objection to { $record } ({ $name }) received on { $received } must be handled by { $due } ({ $days } working days after receipt) and is still open. Check it, then add the outcome at the end of the history in { $file } (maintained, corrected or revoked, with a note) and have it reviewed, approved and merged as usual (npm run review -- list shows the pending submissions). You are told once.
reminder-expiry = 📅 The publication of { $record } ({ $name }) ends on { $end }, in { $days } days. To renew it, submit a change to { $file } extending publication.end, with the legal basis in publication.extension_basis; to let it lapse, do nothing: it leaves the public lists when it ends. You are told once.
reminder-batch-cutoff = 📥 This quarter's batch { $batch } closes on { $end }, in { $days } days, and { $unit } has not submitted anything for it yet. Submit with /new before then; if there is nothing to submit this quarter, ignore this reminder. You are told once.
reminder-review-waiting-review = ⏳ Submission { $id } ({ $title }) has waited for its review since { $since }, { $days } working days or more. See { $url } and review it: npm run review -- show { $id }, then npm run review -- approve { $id } --by "title name" --role review, or npm run review -- reject { $id } --by "title name" --comment "reason". You are told once.
reminder-review-waiting-approve = ⏳ Submission { $id } ({ $title }) has waited for its final approval since { $since }, { $days } working days or more. See { $url } and approve it: npm run review -- show { $id }, then npm run review -- approve { $id } --by "title name" --role approve, or npm run review -- reject { $id } --by "title name" --comment "reason". You are told once.

## Review and approval in chat (bot/approvals/)
approval-role-review = review (审核)
approval-role-approve = approval (审定)
approval-pass = ✅ Approve
approval-reject = ↩️ Return with a comment
approval-request-review = 📋 Please review: { $title }
    Submission { $id }. Check the entry below, then press Approve or Return with a comment.
approval-request-approve = 📋 Please give the final approval: { $title }
    Submission { $id }. It has been reviewed; Approve publishes it (merge), or Return with a comment.
approval-hosted-review = 📋 Awaiting review: { $title } (submission { $id }). This publisher's submissions are approved on the forge ({ $forge }): { $url }
approval-hosted-approve = 📋 Awaiting the final approval: { $title } (submission { $id }). Reviewed; approve it on the forge ({ $forge }): { $url }
approval-hosted-request-review = 📋 Please review: { $title }
    Submission { $id }. Check the details below, then press Approve or Return (with a comment); the pull request and the forge's checks: { $url }
approval-hosted-request-approve = 📋 Please give the final approval: { $title }
    Submission { $id }. Reviewed; check the details below, then press Approve (it is then merged and published) or Return (with a comment); the pull request and the forge's checks: { $url }
approval-platform-review = ⚠️ Final approval recorded ({ $by }); the forge's branch protection requires reviews given on the forge: approve it there, then merge: { $url }
approval-hosted-reject = ↩️ Return submission { $id } on the forge ({ $forge }): open { $url }, write the reason and close the pull request; the submitter will get that text.
approval-attachments = Attachments:
approval-private-link = { $name } (not public, link valid for { $days } days): { $url }
approval-so-far = Approvals so far: { $approvals }
approval-none = none
approval-reviewed = ✅ Review recorded: { $by } ({ $date }); submission { $id } went to the approver.
approval-reviewed-nobody = ✅ Review recorded: { $by } ({ $date }). No approver in content/reviewers.yml has a telegram_id, so nobody was asked in chat: add it, or approve with npm run review -- approve { $id } --role approve.
approval-merged = ✅ Approved and published: submission { $id } (approval by { $by }, { $date }). The submitter will be told.
approval-not-merged = ⚠️ Approval recorded ({ $by }), but submission { $id } could not be merged: { $reason }
approval-refused = ⛔ Not recorded: { $reason }
approval-refused-not-reviewer = ⛔ You are not a reviewer in content/reviewers.yml (or your telegram_id is missing there), so you cannot approve.
approval-refused-role = ⛔ Your role in content/reviewers.yml is { $held }; you cannot give the { $role }.
approval-refused-own = ⛔ You submitted { $id } yourself, so you cannot approve it.
approval-refused-both = ⛔ You already gave the { $done } of submission { $id }: review and approval must come from two people.
approval-not-reviewed = ⛔ Submission { $id } has not been reviewed yet: the 分管领导 reviews first, then the 主要领导 approves.
approval-stale-done = ℹ️ Submission { $id } already has its { $role } ({ $by }); this button is no longer valid and nothing was changed.
approval-stale-merged = ℹ️ Submission { $id } is already published; this button is no longer valid and nothing was changed.
approval-stale-rejected = ℹ️ Submission { $id } was returned; this button is no longer valid and nothing was changed.
approval-stale-unknown = ℹ️ There is no open submission { $id }; this button is no longer valid and nothing was changed.
approval-hosted-only = ℹ️ This publisher's submissions are approved on the forge ({ $forge }); please act there.
approval-reject-ask = ✍️ Reply to this message with the reason for returning submission { $id } (the submitter gets it). Send /cancel to keep it.
approval-rejected = ↩️ Submission { $id } was returned; the submitter will get your comment.
approval-reject-dropped = Returning submission { $id } was abandoned.
approval-start-moved = The publication start moved from { $from } to { $to } (the day of the approval).

## Batches from a spreadsheet (/batch)
command-batch = Submit a batch from a spreadsheet (submitters)
batch-template = The batch template (unit: { $unit }). One sheet per list, one row per entry; each header's note says what the column holds, and the sheet 填写说明 gives the limits and date forms. Send the filled file (.xlsx or .csv) back here; /cancel stops at any time.
batch-send-file = Please send the filled workbook (.xlsx) or .csv file; /cancel stops.
batch-file-type = "{ $name }" is not an .xlsx or .csv file: save it as .xlsx in a spreadsheet program and send it again.
batch-too-big = The file is over the { $mb } MB limit: remove pictures and other extra content, or send it as several files.
batch-more = …and { $count } more problems, in the returned workbook.
batch-annotated = The check: each problem is a note on its cell and its row is highlighted in red; the first sheet 检查结果 lists every problem.
batch-fix = Please correct them in the returned workbook and send it again (you may send that file back as it is).
batch-confirm = All { $count } rows can be submitted. On confirmation they go for review and approval as one submission.
