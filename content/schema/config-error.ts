/**
 * The one error class for wrong configuration: a configuration file that fails its schema
 * (content/publisher.yaml, categories.yaml) or an environment variable with a wrong value. Its
 * message names each wrong value (file:line or the variable) with the fix; the site, the bot and
 * the scripts catch it to print the message alone, without a stack.
 */
export class ConfigError extends Error {}
