/** The bot's commands as Telegram's menu shows them (setMyCommands), each with a `command-<name>` text. */
export const COMMANDS = [
  'new',
  'batch',
  'objection',
  'repair',
  'status',
  'help',
  'cancel',
] as const;
