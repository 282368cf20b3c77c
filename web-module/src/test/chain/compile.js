// Compiles TestUsdc.sol with solc-js into build/TestUsdc.json: {abi, bytecode} (bytecode 0x-prefixed).
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const source = fs.readFileSync(path.join(__dirname, "TestUsdc.sol"), "utf8");
const input = {
  language: "Solidity",
  sources: { "TestUsdc.sol": { content: source } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    // Paris: no PUSH0, so any EVM node runs it.
    evmVersion: "paris",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};

function findImports(file) {
  try {
    return { contents: fs.readFileSync(require.resolve(file), "utf8") };
  } catch (e) {
    return { error: "not found: " + file };
  }
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === "error");
if (errors.length > 0) {
  errors.forEach((e) => console.error(e.formattedMessage));
  process.exit(1);
}
const contract = output.contracts["TestUsdc.sol"].TestUsdc;
fs.mkdirSync(path.join(__dirname, "build"), { recursive: true });
fs.writeFileSync(
  path.join(__dirname, "build", "TestUsdc.json"),
  JSON.stringify({ abi: contract.abi, bytecode: "0x" + contract.evm.bytecode.object }, null, 2),
);
console.log("compiled TestUsdc with solc " + solc.version());
