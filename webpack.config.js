// Webpack 5 build for the Tierwise add-in (shared runtime: one page hosts the pane and the functions).
//   npm run build        production bundles in dist/ (taskpane.js, functions.js, compute.js — the pane's worker) (minified; manifest URLs from ADDIN_URL if set)
//   npm run build:dev    development bundles
//   npm run dev-server   https://localhost:3000 with the Office dev certificates
const fs = require('node:fs');
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const webpack = require('webpack');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const DIST = path.resolve(__dirname, 'dist');

/**
 * Rewrites the dev URL in manifest text to the deployment URL.
 * @example rewriteManifestUrls('<a DefaultValue="https://localhost:3000/x.html"/>', 'https://cdn.example.com/tw/')
 *   // → '<a DefaultValue="https://cdn.example.com/tw/x.html"/>'
 * @param {string} xml manifest text
 * @param {string} addinUrl deployment base URL (https)
 * @returns {string}
 */
function rewriteManifestUrls(xml, addinUrl) {
  const base = new URL(addinUrl.endsWith('/') ? addinUrl : `${addinUrl}/`);
  if (base.protocol !== 'https:') throw new Error(`ADDIN_URL must be https, got ${addinUrl}`);
  return xml.split(DEV_URL).join(base.href).split(DEV_URL.slice(0, -1)).join(base.origin);
}

/**
 * TLS options for the dev server from office-addin-dev-certs. Where the CA cannot be installed
 * (Linux without sudo, CI) the certificates it generated are used untrusted, with a hint.
 * @example await httpsOptions() // → { ca: Buffer, cert: Buffer, key: Buffer }
 * @returns {Promise<{ ca: Buffer, cert: Buffer, key: Buffer }>}
 */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(require('node:os').homedir(), '.office-addin-dev-certs');
    const read = (name) => fs.readFileSync(path.join(dir, name));
    if (!['ca.crt', 'localhost.crt', 'localhost.key'].every((name) => fs.existsSync(path.join(dir, name)))) throw error;
    console.warn(`[tierwise] ${String(error).split('\n')[0]}\n[tierwise] Using the untrusted certificates in ${dir}; ` +
      'trust them with `npx office-addin-dev-certs install` (or your OS certificate store) before sideloading.');
    return { ca: read('ca.crt'), cert: read('localhost.crt'), key: read('localhost.key') };
  }
}

/**
 * Webpack configuration; an async function so the dev server can load the Office dev certificates.
 * @example // webpack --mode production   → dist/{taskpane.html,taskpane.js,functions.js,functions.json,manifest.xml,assets/}
 * @param {Record<string, unknown>} env webpack-cli env (WEBPACK_SERVE is set by `webpack serve`)
 * @param {{ mode?: string }} argv webpack-cli arguments
 * @returns {Promise<import('webpack').Configuration>}
 */
module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const addinUrl = production ? process.env.ADDIN_URL : undefined;

  /** @type {import('webpack').Configuration} */
  const config = {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      functions: './src/functions/functions.ts',
      // the pane's compute worker (engine → sheet plan off the UI thread); not a script of the page
      compute: './src/taskpane/compute-worker.ts',
    },
    output: {
      path: DIST,
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              transpileOnly: true, // `npm run typecheck` is the type check
              onlyCompileBundledFiles: true, // only files reachable from the entries
              compilerOptions: { module: 'es2020', sourceMap: true }, // ES modules so webpack can tree-shake
            },
          },
        },
      ],
    },
    plugins: [
      // the simplified/traditional fold: only the two OpenCC tables it uses, not the whole preset
      new webpack.NormalModuleReplacementPlugin(/^\.\/opencc-tables$/, './opencc-tables.web'),
      new CustomFunctionsMetadataPlugin({
        input: './src/functions/functions.ts',
        output: 'functions.json',
      }),
      new (require('./scripts/functions-metadata-plugin'))(), // adds allowErrorForDataTypeAny to functions.json
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'], // shared runtime: functions register in the pane's page
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (addinUrl ? rewriteManifestUrls(content.toString(), addinUrl) : content),
          },
        ],
      }),
    ],
    performance: { hints: production ? 'warning' : false },
  };

  if (env.WEBPACK_SERVE) {
    // Loaded only when serving: it may create and trust the localhost certificate.
    config.devServer = {
      port: 3000,
      server: { type: 'https', options: await httpsOptions() },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: DIST },
      hot: false,
      liveReload: true,
    };
  }
  return config;
};

module.exports.rewriteManifestUrls = rewriteManifestUrls;
