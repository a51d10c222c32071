# 机器人的全部中文文本（默认语言）。字段说明取自记录 schema 的 .describe()；名单、主体类型、
# 类别等名称取自 content/schema/labels.ts 和 content/categories.yaml。

## 命令与入口
start-public = 您好！这里是{ $publisher }劳动关系信用名单的报送机器人。
    /objection 对已公示的记录提出异议
    /repair 申请失信黑名单信用修复（提前移出）
    /status 查看您提交过的申请
    /help 使用说明
start-submitter = 您好，{ $unit }的报送人员！
    /new 新增一条名单记录
    /objection 提出异议　/repair 信用修复申请
    /status 查看提交状态　/help 使用说明
help = 使用说明
    /new 新增名单记录（仅限已登记的报送人员）
    /objection 对已公示记录提出异议：我们在收到后 { $days } 个工作日内核查处理
    /repair 失信黑名单主体申请信用修复（提前移出）
    /status 查看您提交的申请及审核进度
    /cancel 随时取消正在填写的表单
    填写时每一步都可以点“上一步”返回，发送 /help 可查看当前问题的说明；最后会显示汇总，可逐项修改，确认后才提交审核。
private-only = 为保护信息安全，请私聊本机器人使用这些命令。
new-not-allowed = 只有已登记的报送人员可以新增记录。您的 Telegram 用户 ID 是 { $id }：如需开通，请把它交给发布单位的管理员，加入 content/submitters.yaml。
    公众可以使用 /objection 提出异议，或 /repair 申请信用修复。
unhandled = 没有理解这条消息。发送 /help 查看可用的命令。
cancelled = 已取消，填写的内容没有提交。
nothing-to-cancel = 当前没有正在填写的表单。
rate-limited = 消息太频繁了，请 { $seconds } 秒后再试。
error-internal = 抱歉，处理时出现内部错误（编号 { $update }），已记录。请稍后重试；如果一再出现，请联系发布单位。

## 表单通用
button-back = ⬅️ 上一步
button-skip = 跳过
button-keep = 保持不变
button-done = ✅ 完成
button-cancel = ✖️ 取消
button-confirm = ✅ 确认提交
button-edit = ✏️ { $label }
button-add = ➕ { $label }
button-override = 仍然采用此代码（须说明理由）
button-stale = 这个按钮已失效，请使用最新消息中的按钮。
yes = 是
no = 否
none = （无）
optional-mark = （选填）
current-answer = 当前填写：{ $value }
how-choice = 请点选下方的按钮。
how-text = 请直接输入文字回答。
how-files = 请发送{ $what }，可以发送多个，发完后点“完成”。
files-what-pdf = 照片或 PDF 文件
files-what-pictures = 照片（图片，不接受 PDF）
how-repeat = 点“➕”逐个添加，添加完毕点“完成”；没有可点“跳过”。
repeat-listing = 已添加：
    { $items }
check-failed = 核对时出现内部错误，已记录
check-failed-fix = 请稍后再回答一次；也可以发送 /cancel 结束。
re-ask = ⚠️ { $what }
    { $fix }
    请重新回答：{ $label }
form-help-question = ℹ️ 当前问题：{ $label }
form-help-summary = ℹ️ 这是提交前的汇总：请核对每一项，确认无误后才会提交审核。
form-help-moves = 您可以：
nav-back = · 返回上一题：点“⬅️ 上一步”或发送 /back
nav-skip = · 这一项可以不填：点“跳过”或发送 /skip
nav-edit = · 答完全部问题后会显示汇总，可点“✏️”修改任何一项，确认后才提交
nav-summary = · 修改某一项：点对应的“✏️”按钮；回到最后一题：点“⬅️ 上一步”；提交：点“✅ 确认提交”
nav-cancel = · 放弃填写：点“✖️ 取消”或发送 /cancel（不会提交任何内容）
form-skip-required = ⚠️ 这一项必须填写，不能跳过。
form-back-first = ⚠️ 这是第一个问题，没有上一步了。
form-command-status = ℹ️ 填写期间不能查看提交状态：完成或取消这份表单后，发送 /status 即可查看。您填写的内容都还在，请继续回答上面的问题。
form-command-other-form = ℹ️ 您正在填写一份表单：要使用 /{ $command }，请先完成这一份，或发送 /cancel 取消。您填写的内容都还在，请继续回答上面的问题。
form-command-unknown = ⚠️ 没有 /{ $command } 这个命令。您填写的内容都还在，请继续回答上面的问题；发送 /help 查看这一题的说明。
choice-typed = 这里需要点选按钮
choice-typed-fix = 请点选下方的一个按钮（也可以输入按钮上的文字）。
wrong-message-type = 这里需要文字回答，收到的是其他类型的消息（贴纸、语音、位置等）
file-not-expected = 这一步不需要文件
summary-title = 【{ $title }】请核对以下内容：
summary-problems = 提交前还需要修改：
summary-confirm-hint = 内容无误请点“确认提交”；需要修改请点对应的“✏️”按钮。
summary-fix-hint = 请点对应的“✏️”按钮修改上面的问题，改好后才能提交。
summary-use-buttons = 请用汇总消息下方的按钮：修改某项、确认提交，或取消。
submit-failed = ⚠️ 提交没有成功：{ $error }
    您填写的内容已保留，请稍后在汇总中再点“确认提交”。
submitted-pr = ✅ 已提交审核，编号 { $id }。审核链接：{ $url }
    审核（分管领导）和审定（主要领导）通过后发布；发送 /status 可随时查看进度。
submitted-public = 编号 { $id }。发送 /status 可随时查看办理进度。
submitted-branch = ✅ 已提交，编号 { $id }，已保存并排队送审（分支 { $branch }）。
    发送 /status 可查看审核链接和进度。

## 文字规则
text-empty = 回答是空的
text-empty-fix = 请输入内容。
text-control = 文字中含有不可见的控制字符
text-control-fix = 请重新输入，不要从其他软件粘贴带格式的文字。
text-bidi = 文字中含有改变书写方向的控制字符，会打乱公示页面的显示
text-bidi-fix = 请删除这些不可见字符后重新输入（直接手动输入即可）。
text-rtl = 文字中含有从右向左书写的文字（阿拉伯文、希伯来文等）
text-rtl-fix = 公示内容请使用中文；外文名称请使用拉丁字母写法。
text-emoji = 正式公示内容不能使用表情符号
text-emoji-fix = 请删除表情符号后重新输入。
text-html = 文字中含有 HTML 标签或字符实体（如 <script>、&amp;）
text-html-fix = 请只输入纯文字，不要使用网页代码。
text-yaml = 看起来是记录文件的片段（“字段名: 值”、“---”、“&锚点”等）
text-yaml-fix = 请只输入这一项的内容本身，不要写字段名或 YAML 标记。
text-no-content = 回答中没有文字或数字
text-no-content-fix = 请输入实际内容。
text-multiline = 这一项只能写一行
text-multiline-fix = 请去掉换行，写在一行内。

## 日期
date-invalid = “{ $value }”不是有效日期
date-invalid-fix = 请写成 YYYY-MM-DD，如 2026-07-15。
date-future = { $date } 还没有到
date-future-fix = 请填写已经发生的日期。

## 附件
files-accepted = 接受的类型：{ $types }；每个文件不超过 { $max }；最多 { $count } 个。
files-count = { $count } 个文件
files-none = 还没有收到文件
files-none-fix = 请先发送文件，再点“完成”。
files-expected = 这一步需要发送{ $what }
files-too-many = 最多只能附 { $max } 个文件
files-too-many-fix = 请点“完成”继续。
file-too-big = 文件大小 { $size }，超过了 { $max } 的上限，没有接收
file-too-big-fix = 请压缩文件或拆分成几个不超过 { $max } 的文件后重新发送；扫描件可降低分辨率（200 dpi 足够）。
file-wrong-type = 文件内容不是允许的类型（识别为：{ $found }）
file-wrong-type-fix = 只接受 { $types }：图片请直接以照片发送，文件请导出为 PDF 后发送。
file-wrong-type-fix-pictures = 这一项只接受图片（{ $types }），因为会在公示页面上直接显示：请以照片发送，PDF 文件请在“决定文书”一步发送。
file-download-failed = 无法读取这个文件（{ $detail }）
file-download-failed-fix = 请重新发送；如果文件超过 { $max }，请先压缩。
file-caption = 文件说明文字不符合要求：{ $problem }
file-caption-fix = 请去掉说明文字或改正后重新发送这个文件。
file-received = 已收到第 { $n } 个文件（{ $type }，{ $size }）。可以继续发送，或点“完成”。
files-help-case-report = 典型案例报告（以案释法）：失信黑名单记录应附，图文均可。
files-help-picture = 现场或相关图片，将随记录公示。
files-help-decision = 认定（处罚）决定书的扫描件或照片。
files-help-evidence = 证据材料：不公开，仅供核查。
files-help-pledge = 书面信用承诺书（签字盖章）的扫描件或照片：不公开，仅供审核。

## /new
new-title = 新增名单记录
new-intro = 开始新增记录（报送单位：{ $unit }）。共约二十个问题，每一步都可以返回上一步，最后核对后再提交；随时发送 /cancel 取消。
    审核（分管领导）和审定（主要领导）由审批人在审核时完成，这里不用填写。
new-file = 记录文件：{ $file }
start-next-batch = { $date }（下一批次 { $batch }）
code-layout = 按段核对：{ $layout }（登记管理部门和机构类别 · 行政区划码 · 主体标识码 · 校验码）
code-hints = 最可能的录入错误：
    { $hints }
code-hint-swap = · 第 { $a }、{ $b } 位前后颠倒？应为 { $code }
code-hint-char = · 第 { $a } 位录错？应为 { $code }
code-hints-none = 没有找到常见的录入错误（相邻两位颠倒、形近字符混淆），无法判断是哪一位录错。
code-hint-check = 只有在前 17 位逐一核对无误时，才是第 18 位（校验码）有误：按前 17 位，它应为 { $check }。
code-checksum-fix = 校验位不符多为前 17 位中某一位录错：请对照营业执照逐位核对，不要只改最后一位。若确为标准施行前试点地区发放的代码，点“仍然采用此代码”并写明理由。
region-from-code = 代码第 3–8 位是 { $division }（登记管理机关所在地），已作为建议，可确认或修改。
region-code-unknown = 代码第 3–8 位 { $division } 不在现行区划表中（可能已撤销），请填写主体现在的所在地。
region-how = 点选建议，或输入 6 位区划代码，或输入区县名称查找（如“中山区”）。
region-not-found = 没有找到名称含“{ $name }”的行政区划
region-not-found-fix = 请输入区县名称（如“中山区”）或 6 位区划代码（如 210202）。
region-several = 名称含“{ $name }”的区划有 { $count } 个
region-several-fix = 请点选其中一个，或输入更完整的名称或 6 位代码。

## /objection
objection-title = 异议申请
objection-intro = 您可以对已公示的记录提出异议。我们在收到后 { $days } 个工作日内核查处理（按国务院公布的节假日安排计算，收到当日不计），有误的将更正或撤销；收到日期为您确认提交的日期。随时发送 /cancel 取消。
objection-grounds-help = 请写明异议的事实和理由（{ $field }）。不要填写身份证号、手机号等个人信息；我们会通过本机器人回复您。
objection-due = 办理时限：今天确认提交的，最迟 { $due }（含当日）处理完毕（收到后 { $days } 个工作日）
objection-due-pending = 办理时限：收到后 { $days } 个工作日内，按国务院公布的节假日安排计算；{ $year } 年的节假日安排公布后确定具体日期
objection-received = ✅ 异议已收到（收到日期 { $received }），最迟 { $due }（含当日）核查处理完毕（收到后 { $days } 个工作日内），结果会在这里通知您。
objection-received-pending = ✅ 异议已收到（收到日期 { $received }）。办理时限：收到后 { $days } 个工作日内，按国务院公布的节假日安排计算。{ $year } 年的节假日安排尚未公布，具体日期在公布后确定。处理结果会在这里通知您。
objection-submit-failed = ⚠️ 异议暂时没有提交成功，您填写的内容都还在。请稍后再按“确认提交”；如果一再失败，请致电发布单位：{ $phone }。
target-question = 哪一条记录？
target-help = 请输入被公示主体的统一社会信用代码，或记录编号（如 2026q3-black-001，见公示页面）。
target-not-found = 没有找到“{ $query }”对应的公示记录
target-not-found-fix = 请核对代码或编号：只能对正在公示的记录提出申请。
target-wrong-list = “{ $name }”（{ $id }）是{ $list }的记录，不在{ $lists }上
target-repair-wrong-list-fix = 信用修复（提前移出）只适用于失信黑名单。守信红榜、示范单位的记录如有错误，可发送 /objection 提出异议；如希望撤下，请联系{ $publisher }。
target-objection-wrong-list-fix = 这里只能选择{ $lists }上的记录；如有疑问，请联系{ $publisher }。
target-not-yet = 记录 { $id } 尚未开始公示（{ $start } 起公示）
target-objection-not-yet-fix = 公示开始后才能对它提出异议；如有疑问，请联系{ $publisher }。
target-repair-not-yet-fix = 公示开始后才能申请信用修复。
target-ended = “{ $name }”（{ $id }）的公示期已于 { $end } 结束，现已不再公示
target-objection-ended-fix = 已不再公示的记录无需提出异议；如仍认为原记录有误，请联系{ $publisher }。
target-repair-ended-fix = 公示已经结束，无需再申请提前移出。
target-status = “{ $name }”（{ $id }）的状态为“{ $status }”，现已不再公示
target-objection-status-fix = 已不再公示的记录无需提出异议；如有疑问，请联系{ $publisher }。
target-repair-status-fix = 该记录已不在公示中，无需申请提前移出。
target-several = 找到 { $count } 条公示记录
target-several-fix = 请点选其中一条。
target-refused-fix = 如有疑问请联系发布单位；发送 /cancel 结束。
objection-grounds = 异议事由

## /repair
repair-title = 信用修复申请
repair-intro = 失信黑名单主体在整改完成、消除影响后，可以申请提前移出（信用修复）。需要满足的条件按记录的类别确定，下面逐项确认。随时发送 /cancel 取消。
repair-not-configured = 该记录的类别（{ $category }）没有规定信用修复条件，不能通过本机器人申请提前移出
repair-already = 记录 { $id } 已有信用修复申请正在审核
repair-corrected = 整改完成日期
repair-corrected-help = 如已足额支付拖欠工资的日期。整改完成后须满 { $months } 个月才能申请。
repair-too-early = 整改完成于 { $date }，须满 { $months } 个月，最早 { $earliest } 才能申请
repair-too-early-fix = 请在 { $earliest } 以后再申请；如日期填错，请重新输入。
repair-condition = 条件 { $n }
repair-condition-met = ✓ 已满足：{ $condition }
repair-condition-unmet = ✗ 尚未满足
repair-unmet-now = 条件“{ $condition }”尚未满足：在满足之前，本次信用修复申请不能通过审核
repair-unmet-when = 请先满足这一条件，满足后即可申请。
repair-unmet-when-wait = 请先满足这一条件再申请。本类别还要求整改完成满 { $months } 个月：如果这一条件属于整改（如足额支付拖欠工资），从它完成之日起算，今天完成则最早 { $earliest } 可以申请。
repair-unmet-moves = 如果点错了，请重新点选；点“⬅️ 上一步”可修改前面的回答；点“✖️ 取消”结束申请（不会提交任何内容）。
repair-evidence = 整改证明材料
repair-statement = 整改情况说明
repair-received = ✅ 信用修复申请已收到，将由责任单位审核，结果会在这里通知您。

## /status
status-title = 您最近的提交：
status-none = 您还没有提交过。
status-queued = 已保存，排队送审中
status-delivered = 已送审：{ $url }
status-open = 审核中（已有 { $approvals } 项审批）：{ $url }
status-handling = 正在核查处理：{ $url }
status-merged = ✅ 已发布：{ $url }
status-closed = ✖️ 未通过：{ $comment } { $url }
status-unknown = 暂时查不到状态，请稍后再试

## 通知（审核结果）
notice-delivered = 您的提交“{ $title }”已送审：{ $url }
notice-published = ✅ 您的提交“{ $title }”已审核通过并发布：{ $url }
notice-rejected = ✖️ 您的提交“{ $title }”未通过审核。审核意见：{ $comment }
    { $url }

## 命令菜单
command-new = 新增名单记录（报送人员）
command-objection = 对公示记录提出异议
command-repair = 申请信用修复（提前移出）
command-status = 查看我的提交
command-help = 使用说明
command-cancel = 取消正在填写的表单

## 控制台模式
console-welcome = 红黑 报送机器人 · 控制台模式（不连接 Telegram）
    您扮演 Telegram 用户 { $user }（报送单位：{ $unit }）；内容仓库：{ $root }
    像在 Telegram 里一样输入文字；输入按钮前的数字或按钮文字即按下该按钮；
    /file 路径 发送文件（PDF 或图片），/photo 路径 发送照片，/quit 退出。
    从 /new 开始试试。
console-resumed = 您有一份未完成的表单（上次运行时保存），接着回答这个问题：
console-blank-pending = （空行没有内容。表单在等待回答下面的问题；输入回答、按钮前的数字，或 /help 查看说明。）
console-blank = （空行没有内容。请输入命令，如 /new、/help；/quit 退出。）
console-bye = 已退出控制台模式。
console-bye-pending = 已退出控制台模式。未完成的表单已保存，再次运行控制台即可继续填写。

## 给管理员的通知（content/publisher.yaml administrators）
admin-calendar-gap = ⚠️ 有异议的办理时限待定：{ $year } 年的节假日安排尚未收录，记录 { $record } 的异议已收到，办理时限暂记为 pending。请在国务院办公厅公布 { $year } 年节假日安排后添加 content/calendar/{ $year }.yaml（写法见 README“新一年的节假日”），再运行 npm run review -- deadlines --write 填写办理时限。同一年份只通知这一次。
admin-calendar-missing = ⚠️ 尚未收录 { $year } 年的节假日安排。国务院办公厅公布后，请添加 content/calendar/{ $year }.yaml（写法见 README“新一年的节假日”）；在此之前，办理时限跨入 { $year } 年的异议只能记为待定。同一年份只通知这一次。
admin-outbox-stuck = ⚠️ 提交 { $id } 自 { $since }（北京时间）起一直未能送达 { $forge }，已尝试 { $attempts } 次，最近的错误：{ $error }。机器人会继续重试；请检查代码托管平台是否可达、令牌是否有效（详情见机器人日志）。每个提交只通知这一次。
admin-bot-error = ⚠️ 机器人处理消息时出错（更新编号 { $update }）：{ $error }。详情见机器人日志。同类错误只通知这一次。
admin-webhook-error = ⚠️ Telegram 自 { $since }（北京时间）起无法把消息送到机器人的 webhook：{ $error }。请检查 BOT_WEBHOOK_URL 的地址、HTTPS 证书和反向代理是否正常，机器人进程是否在运行（详情见机器人日志）。同类错误只通知这一次。
reminder-objection-due = ⏰ 异议办理时限将到：记录 { $record }（{ $name }）{ $received } 收到的异议，须在 { $due } 前办结（收到后 { $days } 个工作日），目前尚未处理。请核实后在 { $file } 的 history 末尾写入处理结果（maintained 维持、corrected 更正或 revoked 撤销，并写明说明），按发布程序审核、审定后合并（npm run review -- list 查看待审提交）。本提醒只发送一次。
reminder-expiry = 📅 记录 { $record }（{ $name }）的发布期限将于 { $end } 届满，还有 { $days } 天。需要续期的，请报送对 { $file } 的修改，延长 publication.end 并在 publication.extension_basis 写明依据；不续期的无需操作，期满后自动移出公开名单。本提醒只发送一次。
reminder-batch-cutoff = 📥 本季度批次 { $batch } 将于 { $end } 截止，还有 { $days } 天；{ $unit } 尚未报送本季度的记录。请在截止前用 /new 报送；本季度没有需要报送的，可忽略本提醒。本提醒只发送一次。
reminder-review-waiting-review = ⏳ 提交 { $id }（{ $title }）自 { $since } 起等待审核，已满 { $days } 个工作日。请查看 { $url } 并审核：npm run review -- show { $id }，再 npm run review -- approve { $id } --by "职务 姓名" --role review，或 npm run review -- reject { $id } --by "职务 姓名" --comment "理由"。本提醒只发送一次。
reminder-review-waiting-approve = ⏳ 提交 { $id }（{ $title }）自 { $since } 起等待审定，已满 { $days } 个工作日。请查看 { $url } 并审定：npm run review -- show { $id }，再 npm run review -- approve { $id } --by "职务 姓名" --role approve，或 npm run review -- reject { $id } --by "职务 姓名" --comment "理由"。本提醒只发送一次。

## 审核与审定（bot/approvals/）
approval-role-review = 审核
approval-role-approve = 审定
approval-pass = ✅ 通过
approval-reject = ↩️ 退回（附意见）
approval-request-review = 📋 请审核：{ $title }
    提交编号 { $id }。核对以下内容后按“通过”或“退回（附意见）”。
approval-request-approve = 📋 请审定：{ $title }
    提交编号 { $id }。已经审核；核对以下内容后按“通过”（审定后即合并发布）或“退回（附意见）”。
approval-hosted-review = 📋 待审核：{ $title }（提交 { $id }）。本发布单位的提交在代码托管平台（{ $forge }）上审批，请打开 { $url } 审核。
approval-hosted-approve = 📋 待审定：{ $title }（提交 { $id }）。已经审核；请在代码托管平台（{ $forge }）上审定：{ $url }
approval-hosted-request-review = 📋 请审核：{ $title }
    提交编号 { $id }。核对以下内容后按“通过”或“退回（附意见）”；合并请求与平台上的校验结果：{ $url }
approval-hosted-request-approve = 📋 请审定：{ $title }
    提交编号 { $id }。已经审核；核对以下内容后按“通过”（审定后即合并发布）或“退回（附意见）”；合并请求与平台上的校验结果：{ $url }
approval-platform-review = ⚠️ 已审定（{ $by }）；代码托管平台的分支保护要求平台上的评审，请在平台上批准后合并：{ $url }
approval-hosted-reject = ↩️ 提交 { $id } 请在代码托管平台（{ $forge }）上退回：打开 { $url }，写明理由并关闭合并请求，报送人会收到这段话。
approval-attachments = 附件：
approval-private-link = { $name }（不公开，链接 { $days } 天内有效）：{ $url }
approval-so-far = 已有批准：{ $approvals }
approval-none = 尚无
approval-reviewed = ✅ 已记录审核：{ $by }（{ $date }），提交 { $id } 已转交审定人。
approval-reviewed-nobody = ✅ 已记录审核：{ $by }（{ $date }）。content/reviewers.yml 中没有填写 telegram_id 的审定人，无法在聊天中转交；请补上审定人的 telegram_id，或用 npm run review -- approve { $id } --role approve 审定。
approval-merged = ✅ 已审定并合并发布：提交 { $id }（审定 { $by }，{ $date }）。报送人将收到发布通知。
approval-not-merged = ⚠️ 已记录审定（{ $by }），但提交 { $id } 未能合并发布：{ $reason }
approval-refused = ⛔ 未能记录：{ $reason }
approval-refused-not-reviewer = ⛔ 您不在 content/reviewers.yml 的审批人名单中（或未填写 telegram_id），不能审批。
approval-refused-role = ⛔ 您在 content/reviewers.yml 中的角色是{ $held }，不能{ $role }。
approval-refused-own = ⛔ 提交 { $id } 是您本人报送的，不能由您审批。
approval-refused-both = ⛔ 您已{ $done }过提交 { $id }：审核与审定须由两个人分别完成。
approval-not-reviewed = ⛔ 提交 { $id } 尚未审核：须先由分管领导审核，再由主要领导审定。
approval-stale-done = ℹ️ 提交 { $id } 已{ $role }（{ $by }）；这个按钮已失效，未作任何改动。
approval-stale-merged = ℹ️ 提交 { $id } 已合并发布；这个按钮已失效，未作任何改动。
approval-stale-rejected = ℹ️ 提交 { $id } 已退回；这个按钮已失效，未作任何改动。
approval-stale-unknown = ℹ️ 没有编号为 { $id } 的待审提交；这个按钮已失效，未作任何改动。
approval-hosted-only = ℹ️ 本发布单位的提交在代码托管平台（{ $forge }）上审批，请在平台上操作。
approval-reject-ask = ✍️ 请回复本消息，写明退回提交 { $id } 的理由（报送人会收到这段话）。发送 /cancel 放弃退回。
approval-rejected = ↩️ 已退回提交 { $id }，报送人将收到您的意见。
approval-reject-dropped = 已放弃退回提交 { $id }。
approval-start-moved = 发布开始日期由 { $from } 顺延至 { $to }（批准之日）。

## 批量报送（/batch，电子表格）
command-batch = 批量报送（电子表格，报送人员）
batch-template = 批量报送模板（报送单位：{ $unit }）。每个名单一张工作表，每行一条记录；表头批注说明各列的填写要求，“填写说明”工作表说明限制和日期写法。填好后把文件（.xlsx 或 .csv）发回这里，随时发送 /cancel 取消。
batch-send-file = 请发送填好的工作簿（.xlsx）或 .csv 文件；发送 /cancel 取消。
batch-file-type = “{ $name }”不是 .xlsx 或 .csv 文件：请在电子表格程序中另存为 .xlsx 后重新发送。
batch-too-big = 文件超过 { $mb } MB 上限：请删去图片等多余内容，或分成几个文件发送。
batch-more = ……另有 { $count } 个问题，见返回的工作簿。
batch-annotated = 检查结果：每个问题以批注标在对应单元格上，所在行标为红色；第一张工作表“检查结果”列出全部问题。
batch-fix = 请在返回的工作簿中改正后重新发送（可直接发回这个文件）。
batch-confirm = 全部 { $count } 行可以提交。确认后作为一次报送（一个审核请求）提交审核、审定。
