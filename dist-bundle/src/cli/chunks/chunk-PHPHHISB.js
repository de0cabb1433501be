import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));

// src/shared/markdown.ts
function longestRun(text, char) {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}
function codeBlock(text, info = "") {
  const fence = "`".repeat(Math.max(3, longestRun(text, "`") + 1));
  const body = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  return `${fence}${info}
${body}
${fence}`;
}

export {
  longestRun,
  codeBlock
};
//# sourceMappingURL=chunk-PHPHHISB.js.map
