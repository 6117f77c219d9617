/**
 * The V8 flags the desktop client starts the language server with (node.ts); the bench and the LSP
 * tests start it with them too, so that what is measured and tested is what runs. The first
 * keystrokes after opening a report run while V8 still interprets the keystroke path's code:
 * `--always-sparkplug` compiles every function to baseline code at its first call (a fast,
 * unoptimised compile), so those keystrokes leave the interpreter sooner. Optimised code is the same
 * as without it. Given on the command line, not by `v8.setFlagsFromString`, which aborts an embedder
 * whose V8 freezes its flags. V8 has had the flag since 9.x; the editor tests start the server with
 * it in the Node that code-server runs (V8 13).
 */
export const SERVER_V8_FLAGS: readonly string[] = ['--always-sparkplug'];
