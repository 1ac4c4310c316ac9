// Prints the CSS Ant Design would write at run time for the components the app imports, with the map that tells
// its CSS-in-JS those styles are already in a file (@ant-design/cssinjs: `extractStyle`, `data-ant-cssinjs-cache-path`).
// Run by `build/prebuiltAntdStyles.ts` in its own process with NODE_ENV=production, so the class hashes are the ones
// the production bundle computes. Usage: node build/antd-styles.cjs Button Table Select …
'use strict';
const React = require('react');
const { renderToString } = require('react-dom/server');
const { createCache, extractStyle, StyleProvider } = require('@ant-design/cssinjs');
const antd = require('antd');

const h = React.createElement;
const Panel = (C, props) => h(C._InternalPanelDoNotUseOrYouWillBeFired, props);

// What a component needs to render its styles' every part; the rest render with no props.
const samples = {
  Input: (C) => h(React.Fragment, null, h(C), h(C.Search), h(C.TextArea), h(C.Password)),
  Modal: (C) => h(React.Fragment, null, h(C), Panel(C), Panel(C, { type: 'confirm' })),
  message: (C) => Panel(C),
  notification: (C) => Panel(C),
  Menu: (C) => h(C, { items: [] }),
  Dropdown: (C) => h(C, { menu: { items: [] } }, h('div')),
  Layout: (C) => h(C, null, h(C.Header), h(C.Sider), h(C.Content), h(C.Footer)),
  Tag: (C) => h(React.Fragment, null, h(C, { color: 'blue' }, 'x'), h(C, { color: 'success' }, 'x')),
  Badge: (C) => h(React.Fragment, null, h(C), h(C.Ribbon)),
  Space: (C) => h(React.Fragment, null, h(C), h(C.Compact, null, h(antd.Button))),
  Table: (C) => h(C, { dataSource: [{ key: 1, a: 1 }], columns: [{ dataIndex: 'a', title: 'a' }], pagination: { total: 100 } }),
};

const names = process.argv.slice(2);
const unknown = names.filter((name) => typeof antd[name] !== 'function' && typeof antd[name] !== 'object');
if (unknown.length > 0) throw new Error(`not Ant Design components: ${unknown.join(', ')}`);
const cache = createCache();
renderToString(
  h(StyleProvider, { cache }, names.map((name) => h(React.Fragment, { key: name }, samples[name] ? samples[name](antd[name]) : h(antd[name])))),
);
process.stdout.write(extractStyle(cache, true));
