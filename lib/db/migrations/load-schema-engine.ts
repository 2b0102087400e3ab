// Instantiates Prisma's WebAssembly schema engine once per process. The package entry does
// `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 only allows behind
// --experimental-wasm-modules, so we read the bytes and wire the wasm-bindgen glue ourselves.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

type PanicRegistry = { set_message: (message: string) => void };

declare global {
  // The glue reports Rust panics here (global.PRISMA_WASM_PANIC_REGISTRY.set_message).
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

export type SchemaEngineModule = typeof glue;

let loaded: SchemaEngineModule | undefined;
let lastPanicMessage: string | undefined;

export function loadSchemaEngine(): SchemaEngineModule {
  if (loaded) return loaded;

  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message) => {
      lastPanicMessage = message;
    },
  };
  // The package's "exports" hide the .wasm file; resolve the glue and take its sibling.
  const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmModule = new WebAssembly.Module(readFileSync(gluePath.replace(/\.js$/, '.wasm')));
  // The wasm imports every __wbg_* function from the module it was built with, "./schema_engine_bg.js".
  const instance = new WebAssembly.Instance(wasmModule, {
    './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();

  loaded = glue;
  return glue;
}

/** The message of the last Rust panic, which a bare "unreachable" RuntimeError does not carry. */
export function takeLastPanicMessage(): string | undefined {
  const message = lastPanicMessage;
  lastPanicMessage = undefined;
  return message;
}
