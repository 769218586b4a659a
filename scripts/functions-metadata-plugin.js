// Amends the functions.json that CustomFunctionsMetadataPlugin generates from src/functions/functions.ts
// with what its JSDoc cannot express: `allowErrorForDataTypeAny: true`.
//
// Without it Excel withholds a call whose range holds an error cell and shows the error for the whole
// result; with it, parameters of type "any" (our `unknown[][]` ranges) receive error cells as values, so
// one #N/A in 50,000 rows costs that row only. The flag is top-level in the metadata schema (it applies to
// every "any" parameter), which is why the functions type their options as number/string/boolean.
const { Compilation, sources } = require('webpack');

const PLUGIN = 'FunctionsMetadataAmendPlugin';

/**
 * Returns the metadata text with the amendment applied; throws when it is not custom-functions metadata.
 * @example amendMetadata('{"functions":[]}') // → '{\n  "allowErrorForDataTypeAny": true,\n  "functions": []\n}'
 * @param {string} json functions.json as generated
 * @returns {string}
 */
function amendMetadata(json) {
  const metadata = JSON.parse(json);
  if (!metadata || !Array.isArray(metadata.functions)) throw new Error('functions.json has no "functions" array');
  const { functions, ...rest } = metadata;
  return `${JSON.stringify({ ...rest, allowErrorForDataTypeAny: true, functions }, null, 4)}\n`;
}

/**
 * Webpack plugin: after CustomFunctionsMetadataPlugin has added `asset` to the compilation, rewrites it
 * with {@link amendMetadata}. Runs at a later processAssets stage of the same compilation.
 * @example new FunctionsMetadataAmendPlugin({ asset: 'functions.json' })
 */
class FunctionsMetadataAmendPlugin {
  /** @param {{ asset?: string }} [options] */
  constructor(options = {}) {
    this.asset = options.asset ?? 'functions.json';
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.asset);
        if (!asset) {
          compilation.errors.push(new Error(`${PLUGIN}: ${this.asset} was not generated (is CustomFunctionsMetadataPlugin configured?)`));
          return;
        }
        try {
          compilation.updateAsset(this.asset, new sources.RawSource(amendMetadata(asset.source.source().toString())));
        } catch (error) {
          compilation.errors.push(new Error(`${PLUGIN}: ${error.message}`));
        }
      });
    });
  }
}

module.exports = FunctionsMetadataAmendPlugin;
module.exports.amendMetadata = amendMetadata;
