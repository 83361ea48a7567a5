import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  GenesysApiError,
  secrets
} from "./chunk-A7RCRAU4.js";
import {
  pageAll
} from "./chunk-DCV3CL2U.js";
import {
  ConfigError,
  ENV,
  FileFindings,
  MAX_ROLE_GRANT_PAGE,
  append,
  checkDate,
  checkEmail,
  checkExtension,
  checkFormula,
  checkPhone,
  compareFindings,
  finding,
  hasErrors,
  isCalendarDate,
  isPhoneNumber,
  isTimeZone,
  isWorkPhone,
  parseQueues,
  parseRoles,
  parseSkills,
  quote,
  readWorkPhone,
  regionBaseUrl,
  resolveConnection,
  roleGrantPageOf,
  sameExtension,
  sameNumber,
  sortFindings,
  toE164
} from "./chunk-YRTHUKH5.js";
import {
  ALL_DIVISIONS,
  DEFAULT_PHONE_PERMISSION,
  DIVISION_AWARE,
  MODES,
  MODE_OPERATIONS,
  anyPermissions,
  denialOf,
  external_exports,
  grantsPermission,
  modePermissions,
  permissionCovers,
  requirementOf,
  rolePermissions,
  rolesGrant,
  scopeOf
} from "./chunk-462IHIBZ.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-O7LDPSYS.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path6) {
      const ctrl = callVisitor(key, node, visitor, path6);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path6, ctrl);
        return visit_(key, ctrl, visitor, path6);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path6 = Object.freeze(path6.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path6);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path6 = Object.freeze(path6.concat(node));
          const ck = visit_("key", node.key, visitor, path6);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path6);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path6) {
      const ctrl = await callVisitor(key, node, visitor, path6);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path6, ctrl);
        return visitAsync_(key, ctrl, visitor, path6);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path6 = Object.freeze(path6.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path6);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path6 = Object.freeze(path6.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path6);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path6);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path6) {
      if (typeof visitor === "function")
        return visitor(key, node, path6);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path6);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path6);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path6);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path6);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path6);
      return void 0;
    }
    function replaceNode(key, path6, node) {
      const parent = path6[path6.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count2 = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count2)
            count2 = c;
        }
        return count2;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path6, value) {
      let v = value;
      for (let i = path6.length - 1; i >= 0; --i) {
        const k = path6[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path6) => path6 == null || typeof path6 === "object" && !!path6[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path6, value) {
        if (isEmptyPath(path6))
          this.add(value);
        else {
          const [key, ...rest] = path6;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path6) {
        const [key, ...rest] = path6;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path6, keepScalar) {
        const [key, ...rest] = path6;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path6) {
        const [key, ...rest] = path6;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path6, value) {
        const [key, ...rest] = path6;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold2 = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold2 === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold2])
            res += `${text2[fold2]}\\`;
          res += `
${indent}${text2.slice(fold2 + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn2(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path6, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path6, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path6) {
        if (Collection.isEmptyPath(path6)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path6) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path6, keepScalar) {
        if (Collection.isEmptyPath(path6))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path6, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path6) {
        if (Collection.isEmptyPath(path6))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path6) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path6, value) {
        if (Collection.isEmptyPath(path6)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path6), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path6, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count2 = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl2 } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl2 || nl2.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold: fold2, offset } = foldNewline(source, i);
          res += fold2;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold2 = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold2 += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold2)
        fold2 = " ";
      return { fold: fold2, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok2 = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok2 ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl2 = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl2] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path6) => {
      let item = cst;
      for (const [field2, index] of path6) {
        const tok = item?.[field2];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path6) => {
      const parent = visit2.itemAtPath(cst, path6.slice(0, -1));
      const field2 = path6[path6.length - 1][0];
      const coll = parent?.[field2];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path6, item, visitor) {
      let ctrl = visitor(item, path6);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field2 of ["key", "value"]) {
        const token = item[field2];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path6.concat([[field2, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field2 === "key")
            ctrl = ctrl(item, path6);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path6) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl2, sp;
        let indent = -1;
        do {
          nl2 = yield* this.pushNewline();
          if (nl2 > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl2 + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl2 = qb.indexOf("\n", this.pos);
        if (nl2 !== -1) {
          while (nl2 !== -1) {
            const cs = this.continueScalar(nl2 + 1);
            if (cs === -1)
              break;
            nl2 = qb.indexOf("\n", cs);
          }
          if (nl2 !== -1) {
            end = nl2 - (qb[nl2 - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl2 = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl2 = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl2 + 1);
            if (cs === -1)
              break;
            nl2 = this.buffer.indexOf("\n", cs);
          } while (nl2 !== -1);
          if (nl2 === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl2 = this.buffer.length;
          }
        }
        let i = nl2 + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl2 = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl2 - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl2 = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl2 + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl2 = this.source.indexOf("\n") + 1;
              while (nl2 !== 0) {
                this.onNewLine(this.offset + nl2);
                nl2 = this.source.indexOf("\n", nl2) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl2 = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl2.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl2.length = 0;
                  break;
                default:
                  nl2.length = 0;
              }
            }
            if (nl2.length >= 2)
              start = it.sep.splice(nl2[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl2 = this.source.indexOf("\n") + 1;
          while (nl2 !== 0) {
            this.onNewLine(this.offset + nl2);
            nl2 = this.source.indexOf("\n", nl2) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// src/run/errors.ts
function planHasErrors(plan) {
  const { people, phones } = plan.summary;
  return people.error > 0 || phones.error > 0 || hasErrors(plan.findings);
}
function fatalLine(error) {
  return secrets.scrub(unscrubbedLine(error));
}
function unscrubbedLine(error) {
  if (error instanceof ConfigError || error instanceof GenesysApiError) return error.message;
  if (error instanceof Error) {
    const system = systemErrorLine(error);
    if (system) return system;
    const code2 = error.code;
    return code2 && !error.message.includes(code2) ? `${error.message} (${code2})` : error.message;
  }
  return String(error);
}
function systemErrorLine(error) {
  const where2 = error.path ?? (error.port === void 0 ? void 0 : `port ${error.port}`);
  switch (error.code) {
    case "EADDRINUSE":
      return `${where2 ?? "The port"} is already in use: stop what uses it, or choose another with --port.`;
    case "EACCES":
    case "EPERM":
      return `Not allowed to use ${where2 ?? "that file or port"}: check its permissions (ports below 1024 need privileges).`;
    case "EEXIST":
      return `${where2 ?? "The file"} already exists and is not overwritten: move it away or choose another path.`;
    case "ENOENT":
      return `${where2 ?? "A file or folder"} does not exist.`;
    case "ENOTDIR":
      return `${where2 ?? "A path"} is not a folder.`;
    case "EISDIR":
      return `${where2 ?? "A path"} is a folder, not a file.`;
    default:
      return null;
  }
}

// src/apply/retry.ts
function statusOf(error) {
  if (error instanceof RetriesExhausted) return error.lastStatus;
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function isConflict(error) {
  return statusOf(error) === 409;
}
function isTaken(error) {
  const status = statusOf(error);
  return status === 409 || status === 400;
}
function isNotFound(error) {
  return statusOf(error) === 404;
}
function isTooLarge(error) {
  const status = statusOf(error);
  return status === 413 || status === 400 && /at most|too many|maximum|exceed/i.test(errorLine(error));
}
function isVersionRace(error) {
  const status = statusOf(error);
  if (status === 409 || status === 408) return true;
  if (status !== 400) return false;
  const { detail, message } = error ?? {};
  const text2 = [detail, message].filter((part) => typeof part === "string").join(" ");
  return /does not match the current version|version[^.]*must match/i.test(text2);
}
function retryWhen(error, kind) {
  if (kind.newUser && isNotFound(error)) return "new user";
  if (kind.versioned && isVersionRace(error)) return "version race";
  return null;
}
function newUserPause(tries) {
  return Math.min(500 * 2 ** (tries - 1), 4e3);
}
var RetriesExhausted = class extends Error {
  constructor(message, lastStatus) {
    super(message);
    this.lastStatus = lastStatus;
  }
  lastStatus;
};
async function retrying(write, kind, settings, events) {
  const started = settings.now();
  let tries = 0;
  let races = 0;
  let afterRace = false;
  for (; ; ) {
    tries += 1;
    try {
      return await write(afterRace);
    } catch (error) {
      afterRace = false;
      const why2 = retryWhen(error, kind);
      if (why2 === "new user") {
        const pause = newUserPause(tries - races);
        const waited = settings.now() - started;
        if (waited + pause > settings.newUserWaitMs) {
          throw new RetriesExhausted(
            `${errorLine(error)}; still not found after ${tries} tries in ${(waited / 1e3).toFixed(1)} s (a new user takes a while to reach every service): run apply again`,
            404
          );
        }
        events.waiting(1);
        try {
          await settings.sleep(pause);
        } finally {
          events.waiting(-1);
        }
      } else if (why2 === "version race") {
        races += 1;
        if (races >= settings.versionTries) {
          throw new RetriesExhausted(
            `${errorLine(error)}; the user's version kept changing (${races} tries): run apply again`,
            statusOf(error)
          );
        }
        await settings.sleep(settings.versionRetryMs * (0.5 + settings.random()));
        afterRace = true;
      } else {
        throw error;
      }
      events.retried();
    }
  }
}
function errorLine(error) {
  return error instanceof Error ? error.message : String(error);
}
var UserLanes = class {
  constructor(pace) {
    this.pace = pace;
  }
  pace;
  tails = /* @__PURE__ */ new Map();
  lastDone = /* @__PURE__ */ new Map();
  run(userIds, write) {
    const before = userIds.flatMap((id) => this.tails.get(id) ?? []);
    const start = () => {
      const last = Math.max(...userIds.map((id) => this.lastDone.get(id) ?? -Infinity));
      const wait = last + this.pace.gapMs - this.pace.now();
      return wait > 0 ? this.pace.sleep(wait).then(write) : write();
    };
    const result = before.length === 0 ? startNow(start) : Promise.all(before).then(start);
    const done = () => {
      for (const id of userIds) this.lastDone.set(id, this.pace.now());
    };
    const settled = result.then(done, done);
    for (const id of userIds) this.tails.set(id, settled);
    void settled.then(() => {
      for (const id of userIds) if (this.tails.get(id) === settled) this.tails.delete(id);
    });
    return result;
  }
};
function startNow(write) {
  try {
    return write();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

// src/apply/results.ts
var RowResults = class {
  results = /* @__PURE__ */ new Map();
  messages = /* @__PURE__ */ new Map();
  constructor(people, phones) {
    for (const person of people) this.results.set(person, personResult(person));
    for (const phone of phones) this.results.set(phone, phoneResult(phone));
  }
  of(row) {
    return this.results.get(row);
  }
  failed(row) {
    return this.of(row).outcome === "failed";
  }
  fail(row, errors) {
    const result = this.of(row);
    const messages = this.messages.get(result) ?? (result.error ? [result.error] : []);
    for (const message of errors.map(errorLine)) if (!messages.includes(message)) messages.push(message);
    this.messages.set(result, messages);
    result.outcome = "failed";
    result.error = messages.join("; ");
  }
  all() {
    return [...this.results.values()];
  }
};
function personResult(person) {
  return {
    kind: "person",
    batch: person.batch,
    file: person.file,
    line: person.line,
    email: person.email,
    name: person.name,
    planned: person.action,
    // A row in error at apply (an unknown role found only now, or held by the review) is not written.
    outcome: person.action === "error" ? "held" : person.action === "create" || person.action === "update" ? "done" : person.action,
    userId: person.userId,
    phoneId: null,
    stationId: null,
    error: person.action === "error" ? person.errors.map((e) => e.message).join("; ") : null
  };
}
function phoneResult(phone) {
  return {
    kind: "phone",
    batch: phone.batch,
    file: phone.file,
    line: phone.line,
    email: phone.person.email,
    name: phone.name,
    planned: phone.action,
    outcome: phone.action === "error" ? "held" : phone.action === "unchanged" ? "unchanged" : "done",
    userId: phone.person.userId,
    phoneId: phone.phoneId,
    stationId: phone.stationId,
    error: phone.action === "error" ? phone.errors.map((e) => e.message).join("; ") : null
  };
}
function countResults(rows, kind) {
  const counts = { done: 0, unchanged: 0, skip: 0, held: 0, failed: 0 };
  for (const row of rows) if (kind === void 0 || row.kind === kind) counts[row.outcome] += 1;
  return counts;
}
var CSV_COLUMNS = [
  "kind",
  "batch",
  "file",
  "line",
  "email",
  "name",
  "planned",
  "outcome",
  "userId",
  "phoneId",
  "stationId",
  "error"
];
function resultsToCsv(rows) {
  const cell = (value) => {
    let text2 = value === null ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text2)) text2 = `'${text2}`;
    return /[",\r\n]/.test(text2) ? `"${text2.replace(/"/g, '""')}"` : text2;
  };
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of rows) lines.push(CSV_COLUMNS.map((column) => cell(row[column])).join(","));
  return `${lines.join("\r\n")}\r
`;
}
function resultsToText(result) {
  if (result.refused) return `apply refused: ${result.refused}
`;
  const people = countResults(result.rows, "person");
  const phones = countResults(result.rows, "phone");
  const line = (label, c) => `${label}: ${c.done} done \xB7 ${c.unchanged} unchanged \xB7 ${c.skip} skipped \xB7 ${c.held} held \xB7 ${c.failed} failed`;
  const out = [line("People", people), line("Phones", phones)];
  if (result.locationsCreated.length > 0)
    out.push(`Locations created: ${result.locationsCreated.join(", ")}`);
  const failed = result.rows.filter(
    (row) => row.outcome === "failed" || row.outcome === "held" || row.outcome === "skip" && row.error
  );
  for (const row of failed) {
    const what = { skip: "skipped", held: "held", failed: "failed" }[row.outcome];
    out.push(`  ${row.file}:${row.line} ${row.kind} ${row.email} ${what}: ${row.error ?? "failed"}`);
  }
  out.push(`${result.ok ? "Applied" : "Applied with failures"} in ${result.seconds.toFixed(1)} s`);
  return `${out.join("\n")}
`;
}

// src/run/output.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
function progressPrinter(io, now = Date.now) {
  const shown2 = /* @__PURE__ */ new Map();
  let lastAt = now();
  return (progress) => {
    const { phase, done, total } = progress;
    const tenth = total === 0 ? 10 : Math.floor(done * 10 / total);
    const newTenth = (shown2.get(phase) ?? -1) < tenth;
    if (!newTenth && now() - lastAt < 1e4) return;
    shown2.set(phase, Math.max(tenth, shown2.get(phase) ?? -1));
    lastAt = now();
    io.stderr(`  ${progressLine(progress)}
`);
  };
}
function progressLine(progress) {
  const { people, phones, calls, waitingForNewUsers, etaSeconds } = progress;
  const retried = calls.retries > 0 ? ` (${calls.retries.toLocaleString("en-US")} retried)` : "";
  const parts = [
    `people ${people.done}/${people.total}`,
    `phones ${phones.done}/${phones.total}`,
    `calls ${calls.done.toLocaleString("en-US")}/${(calls.planned + calls.retries).toLocaleString("en-US")}${retried}`
  ];
  if (waitingForNewUsers > 0) parts.push(`${waitingForNewUsers} waiting for new users to appear`);
  if (etaSeconds !== null) {
    parts.push(
      etaSeconds < 90 ? `about ${Math.ceil(etaSeconds)} s left` : `about ${Math.ceil(etaSeconds / 60)} min left`
    );
  }
  return parts.join(" \xB7 ");
}
async function writeFileMaking(file, content) {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, secrets.scrub(content));
}
async function writeResults(file, result, io) {
  const stem = file.replace(/\.(json|csv)$/i, "");
  const json = `${stem}.json`;
  const csv = `${stem}.csv`;
  await writeFileMaking(json, `${JSON.stringify(result, null, 2)}
`);
  await writeFileMaking(csv, resultsToCsv(result.rows));
  io.stderr(`Results written to ${json} and ${csv}
`);
  return [json, csv];
}

// src/csv/suggest.ts
function editDistance(a, b) {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let before = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (s[i - 1] === t[j - 1] ? 0 : 1);
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[t.length] ?? 0;
}
function didYouMean(input, candidates) {
  const squash = (value) => value.toLowerCase().replace(/\s+/g, "");
  const limit = Math.max(1, Math.floor(input.trim().length / 3));
  let best;
  for (const name of candidates) {
    if (squash(name) === squash(input)) return name;
    const distance = editDistance(input.trim(), name);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
function didYouMeanSuffix(input, candidates) {
  const match = didYouMean(input, candidates);
  return match === void 0 ? "" : ` (did you mean "${match}"?)`;
}

// src/plan/lookup.ts
var fold = (value) => value.trim().toLowerCase();
function nameLookup(items) {
  const byFolded = /* @__PURE__ */ new Map();
  const byId = /* @__PURE__ */ new Map();
  for (const item of items) {
    byId.set(item.id, item);
    const same = byFolded.get(fold(item.name));
    if (same) same.push(item);
    else byFolded.set(fold(item.name), [item]);
  }
  const names2 = items.map((item) => item.name);
  return {
    find(name) {
      const same = byFolded.get(fold(name)) ?? [];
      return same.find((item) => item.name === name.trim()) ?? (same.length === 1 ? same[0] : void 0);
    },
    nameOf: (id) => byId.get(id)?.name ?? id,
    suggest: (name) => didYouMeanSuffix(name, names2)
  };
}
function userLookup(users) {
  const byEmail = /* @__PURE__ */ new Map();
  const byId = /* @__PURE__ */ new Map();
  for (const user of users) {
    byId.set(user.id, user);
    const key = fold(user.email);
    const same = byEmail.get(key);
    if (same) same.push(user);
    else byEmail.set(key, [user]);
  }
  return {
    match(emailKey2) {
      const same = byEmail.get(fold(emailKey2)) ?? [];
      const live = same.filter((user) => user.state !== "deleted");
      const [first, second] = live;
      if (first && second) return { kind: "ambiguous", users: live };
      if (first) return { kind: "one", user: first };
      const deleted = same[0];
      return deleted ? { kind: "deleted", user: deleted } : { kind: "none" };
    },
    byId: (id) => byId.get(id)
  };
}
function indexOrg(snapshot) {
  return {
    snapshot,
    divisions: nameLookup(snapshot.divisions),
    roles: nameLookup(snapshot.roles),
    queues: nameLookup(snapshot.queues),
    skills: nameLookup(snapshot.skills),
    locations: nameLookup(snapshot.locations),
    sites: nameLookup(snapshot.sites),
    baseSettings: nameLookup(snapshot.phoneBaseSettings),
    users: userLookup(snapshot.users)
  };
}
var nameKey = fold;

// src/drift/drift.ts
var field = (name, csv, org, missing = null) => ({
  field: name,
  csv,
  org,
  missing
});
function findDrift(plan, snapshot) {
  const names2 = namers(snapshot);
  const usersById = new Map(snapshot.users.map((user) => [user.id, user]));
  return plan.batches.map((batch) => ({
    name: batch.name,
    dir: batch.dir,
    trainingDay: batch.trainingDay,
    rows: [
      ...batch.people.flatMap((person) => personDrift(person, usersById, names2)),
      ...batch.phones.flatMap((phone) => phoneDrift(phone, snapshot, names2))
    ]
  }));
}
function blockingFindings(plan) {
  return [...plan.findings, ...plan.warnings].filter((finding2) => finding2.severity === "error");
}
function namers(snapshot) {
  const roles = nameLookup(snapshot.roles);
  const divisions = nameLookup(snapshot.divisions);
  const queues = nameLookup(snapshot.queues);
  return {
    grant: (grant) => `${roles.nameOf(grant.roleId)}:[${divisions.nameOf(grant.divisionId)}]`,
    queue: (id) => queues.nameOf(id),
    sites: nameLookup(snapshot.sites),
    baseSettings: nameLookup(snapshot.phoneBaseSettings)
  };
}
var base = (row, subject, name, email) => ({
  subject,
  batch: row.batch,
  file: row.file,
  line: row.line,
  name,
  email
});
function changedFields(person, names2) {
  return person.changes.map((change) => {
    if (change.field === "roles_divisions")
      return field(change.field, change.after, change.before, person.grants.map(names2.grant));
    if (change.field === "queues")
      return field(change.field, change.after, change.before, person.queueIds.map(names2.queue));
    return field(change.field, change.after, change.before);
  });
}
function personDrift(person, usersById, names2) {
  const row = base(person, "person", person.name, person.email);
  const user = person.userId === null ? void 0 : usersById.get(person.userId);
  const inactive = user?.state === "inactive" ? [field("state", "active", "inactive")] : [];
  const reactivate = "reactivate them in Admin > People (apply never changes whether someone is active)";
  switch (person.action) {
    case "unchanged":
      if (inactive.length === 0) return [];
      return [{ ...row, kind: "changed", fields: inactive, detail: "", applyFixes: false, fix: reactivate }];
    case "update":
    case "skip": {
      const skip = person.action === "skip";
      const fix = skip ? "batch.yml sets update_existing: false, so apply leaves existing people as they are: change them in Admin > People" : inactive.length > 0 ? `apply puts the fields back; ${reactivate}` : "";
      const fields = [...changedFields(person, names2), ...inactive];
      return [{ ...row, kind: "changed", fields, detail: "", applyFixes: !skip, fix }];
    }
    case "create":
      return [
        {
          ...row,
          kind: "missing",
          fields: [],
          detail: "not in the org",
          applyFixes: true,
          fix: ""
        }
      ];
    case "error":
      return [errorRow(row, person.errors)];
  }
}
function errorRow(row, errors) {
  const codes = new Set(errors.map((error) => error.code));
  const detail = errors.map((error) => error.message).join("; ");
  if (codes.has("deleted-user") || codes.has("person-deleted"))
    return {
      ...row,
      kind: "deleted",
      fields: [],
      detail: "the user is deleted in the org",
      applyFixes: false,
      fix: "restore them in Admin > People, or remove the row (apply never restores or creates a deleted email)"
    };
  if (!codes.has("person-not-created") && (codes.has("phone-name-taken") || codes.has("person-has-two-phones")))
    return {
      ...row,
      kind: "reassigned",
      fields: [],
      detail,
      applyFixes: false,
      fix: "assign the phone back in Admin > Telephony > Phones, or change the row"
    };
  return {
    ...row,
    kind: "unresolved",
    fields: [],
    detail,
    applyFixes: false,
    fix: "fix the row or the org: apply refuses a row in error"
  };
}
function phoneSettings(phone, snapshot, names2) {
  const existing = snapshot.phones.find((candidate) => candidate.id === phone.phoneId);
  if (!existing) return [];
  const fields = [];
  if (phone.siteId !== null && existing.siteId !== phone.siteId)
    fields.push(field("site", names2.sites.nameOf(phone.siteId), names2.sites.nameOf(existing.siteId)));
  if (phone.baseSettingsId !== null && existing.baseSettingsId !== phone.baseSettingsId)
    fields.push(
      field(
        "base_settings",
        names2.baseSettings.nameOf(phone.baseSettingsId),
        names2.baseSettings.nameOf(existing.baseSettingsId)
      )
    );
  return fields;
}
function phoneDrift(phone, snapshot, names2) {
  const row = base(phone, "phone", phone.name, phone.person.email);
  const settings = phoneSettings(phone, snapshot, names2);
  const settingsFix = "gc-onboard never changes an existing phone: set it back in Admin > Telephony > Phones";
  switch (phone.action) {
    case "unchanged":
      if (settings.length === 0) return [];
      return [{ ...row, kind: "changed", fields: settings, detail: "", applyFixes: false, fix: settingsFix }];
    case "update": {
      const fields = [
        ...phone.changes.map((change) => field(change.field, change.after, change.before)),
        ...settings
      ];
      const fix = settings.length > 0 ? `apply makes it the default phone again; ${settingsFix}` : "";
      return [{ ...row, kind: "changed", fields, detail: "", applyFixes: true, fix }];
    }
    case "create":
      return [
        {
          ...row,
          kind: "missing",
          fields: [],
          detail: `no phone named "${phone.name}" for ${phone.person.email}`,
          applyFixes: true,
          fix: ""
        }
      ];
    case "error":
      return [errorRow(row, phone.errors)];
  }
}

// src/plan/day.ts
var MS_PER_DAY = 864e5;
function dayNumber(day) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    return null;
  }
  return ms / MS_PER_DAY;
}
var WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function formatDay(day) {
  const number = dayNumber(day);
  if (number === null) return day;
  const date = new Date(number * MS_PER_DAY);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

// src/plan/invitable.ts
var INVITE_LIFETIME_DAYS = 30;
function inviteState(user) {
  if (!user) return "not-created";
  if (user.state === "deleted") return "deleted";
  if (user.state === "inactive") return "inactive";
  if (user.dateWelcomeSent) return "welcomed";
  if (user.dateLastLogin) return "logged-in";
  return user.welcomeKnown ? "invitable" : "welcome-unknown";
}

// src/invite/expired.ts
var MS_PER_DAY2 = 864e5;
function expiresAt(sent) {
  const ms = Date.parse(sent);
  return Number.isNaN(ms) ? null : new Date(ms + INVITE_LIFETIME_DAYS * MS_PER_DAY2);
}
function inviteStanding(user, now) {
  const state = inviteState(user);
  if (state === "invitable") return "never-invited";
  if (state !== "welcomed") return state;
  if (user?.dateLastLogin) return "logged-in";
  const expires = expiresAt(user?.dateWelcomeSent ?? "");
  return expires !== null && expires.getTime() < now.getTime() ? "expired" : "waiting";
}
function userByEmail(users) {
  const byEmail = /* @__PURE__ */ new Map();
  for (const user of users) {
    const key = user.email.toLowerCase();
    byEmail.set(key, [...byEmail.get(key) ?? [], user]);
  }
  return (emailKey2) => {
    const matches = byEmail.get(emailKey2) ?? [];
    return matches.find((user) => user.state !== "deleted") ?? matches[0];
  };
}
function trainingDayPassed(batch, date, orOn = false) {
  const day = batch.config.trainingDay === void 0 ? null : dayNumber(batch.config.trainingDay);
  const today = dayNumber(date);
  if (day === null || today === null) return false;
  return orOn ? day <= today : day < today;
}
function expiredBatches(imports, request) {
  if (request.batch !== void 0) return imports.batches.filter((batch) => batch.name === request.batch);
  return imports.batches.filter((batch) => trainingDayPassed(batch, request.date, true));
}
var SKIP_DETAIL = {
  "not-created": ["not-created", "not in Genesys Cloud: apply the batch first"],
  deleted: ["deleted", "the user is deleted"],
  inactive: ["inactive", "the user is inactive; an invite would reactivate them"],
  "welcome-unknown": ["welcome-unknown", "Genesys Cloud did not say whether they were invited; run it again"]
};
function selectExpired(batches, users, request, now) {
  const find = userByEmail(users);
  const invite = [];
  const skipped = [];
  const seen = /* @__PURE__ */ new Set();
  for (const batch of [...batches].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
    for (const person of batch.people) {
      if (seen.has(person.emailKey)) continue;
      seen.add(person.emailKey);
      const user = find(person.emailKey);
      const standing = inviteStanding(user, now);
      const who = { batch: batch.name, email: person.email, name: person.name };
      if (standing === "expired" && user) invite.push({ ...who, userId: user.id });
      else if (standing === "never-invited")
        skipped.push({
          ...who,
          reason: "never-invited",
          detail: `never invited: run "gc-onboard invite --batch ${batch.name}"`
        });
      else {
        const skip = SKIP_DETAIL[standing];
        if (skip) skipped.push({ ...who, reason: skip[0], detail: skip[1] });
      }
    }
  }
  return {
    date: request.date,
    catchUp: request.batch ?? null,
    force: false,
    expired: true,
    batches: batches.map((batch) => batch.name).sort(),
    invite,
    skipped
  };
}

// src/drift/follow-up.ts
function inviteFollowUp(imports, users, today, now) {
  const find = userByEmail(users);
  return [...imports.batches].filter((batch) => trainingDayPassed(batch, today)).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).map((batch) => batchFollowUp(batch, find, now));
}
function batchFollowUp(batch, find, now) {
  const followUp = {
    batch: batch.name,
    trainingDay: batch.config.trainingDay ?? "",
    loggedIn: 0,
    waiting: [],
    expired: [],
    neverInvited: [],
    unknown: [],
    notActive: 0
  };
  const seen = /* @__PURE__ */ new Set();
  for (const person of batch.people) {
    if (seen.has(person.emailKey)) continue;
    seen.add(person.emailKey);
    const user = find(person.emailKey);
    const standing = inviteStanding(user, now);
    const sent = user?.dateWelcomeSent ?? null;
    const entry = {
      name: person.name,
      email: person.email,
      standing,
      invitedAt: sent,
      expiresAt: sent === null ? null : expiresAt(sent)?.toISOString() ?? null
    };
    if (standing === "logged-in") followUp.loggedIn++;
    else if (standing === "waiting") followUp.waiting.push(entry);
    else if (standing === "expired") followUp.expired.push(entry);
    else if (standing === "never-invited") followUp.neverInvited.push(entry);
    else if (standing === "welcome-unknown") followUp.unknown.push(entry);
    else followUp.notActive++;
  }
  return followUp;
}
function usersToConfirm(imports, users, today, now) {
  const find = userByEmail(users);
  const confirm = /* @__PURE__ */ new Map();
  for (const batch of imports.batches) {
    if (!trainingDayPassed(batch, today)) continue;
    for (const person of batch.people) {
      const user = find(person.emailKey);
      const standing = inviteStanding(user, now);
      if (user && (standing === "expired" || standing === "never-invited" || standing === "welcome-unknown"))
        confirm.set(user.id, user);
    }
  }
  return [...confirm.values()];
}

// src/drift/report.ts
function driftReport(plan, snapshot, imports, users, when) {
  const batches = findDrift(plan, snapshot);
  const followUp = inviteFollowUp(imports, users, when.today, when.now);
  const findings = blockingFindings(plan);
  const rows = batches.flatMap((batch) => batch.rows);
  const sum = (pick) => followUp.reduce((total, batch) => total + pick(batch), 0);
  return {
    root: plan.root,
    today: when.today,
    batches,
    followUp,
    findings,
    counts: {
      drifted: rows.length,
      people: rows.filter((row) => row.subject === "person").length,
      phones: rows.filter((row) => row.subject === "phone").length,
      applyFixes: rows.filter((row) => row.applyFixes).length,
      expired: sum((batch) => batch.expired.length),
      neverInvited: sum((batch) => batch.neverInvited.length),
      unknown: sum((batch) => batch.unknown.length),
      errors: findings.length
    }
  };
}
function needsAttention(report) {
  const { drifted, expired, errors } = report.counts;
  return drifted > 0 || expired > 0 || errors > 0;
}

// src/render/escape.ts
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
var LINE_BREAKS_AND_CONTROLS = /\r\n|[\r\n\u2028\u2029\u0000-\u001f\u007f-\u009f]/g;
var INVISIBLE = new RegExp("\\p{Cf}", "u");
var PIECES = new RegExp("(\\p{Cf})|[^\\s\\p{Cf}]+", "gu");
var LINKABLE = /@|#\d|gh-\d|:\/\/|www\.|[0-9a-f]{7}/i;
var WORD_UNSAFE = /[\\`*_~[\]|$&<>]/g;
var NEEDS_ESCAPING = new RegExp(`${WORD_UNSAFE.source}|${INVISIBLE.source}|${LINKABLE.source}`, "iu");
function escapeWord(word) {
  return word.replace(WORD_UNSAFE, (char) => ENTITIES[char] ?? `\\${char}`);
}
function codeSpan(word) {
  const longest = (word.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  const fence = "`".repeat(longest + 1);
  const pad = word.startsWith("`") || word.endsWith("`") ? " " : "";
  return `${fence}${pad}${word.replace(/\|/g, "\\|")}${pad}${fence}`;
}
var codePoint = (char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
function escapeMarkdown(value) {
  const text2 = value.replace(LINE_BREAKS_AND_CONTROLS, " ");
  if (!NEEDS_ESCAPING.test(text2)) return text2;
  return text2.replace(
    PIECES,
    (word, invisible) => invisible ? `<code>${codePoint(invisible)}</code>` : LINKABLE.test(word) ? codeSpan(word) : escapeWord(word)
  );
}
function plainText(value) {
  return value.replace(/\r\n|[\r\n\u2028\u2029]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}
function clip(value, max = 300) {
  if (value.length <= max) return value;
  const cut2 = value.slice(0, max - 1);
  return `${/[\ud800-\udbff]$/.test(cut2) ? cut2.slice(0, -1) : cut2}\u2026`;
}

// src/render/limits.ts
var COMMENT_MAX_CHARS = 65536;
var SUMMARY_MAX_BYTES = 1048576;

// src/csv/words.ts
var plural = (count2, one, many = `${one}s`) => `${count2.toLocaleString("en-US")} ${count2 === 1 ? one : many}`;

// src/render/shared.ts
function countsLine(counts) {
  const parts = [
    `${counts.create.toLocaleString("en-US")} to create`,
    `${counts.update.toLocaleString("en-US")} to update`,
    `${counts.unchanged.toLocaleString("en-US")} unchanged`
  ];
  if (counts.skip) parts.push(`${counts.skip.toLocaleString("en-US")} skipped (exist)`);
  parts.push(plural(counts.error, "error"));
  return parts.join(" \xB7 ");
}
function invitesLine(invite) {
  if (invite.date === null) {
    return `${plural(invite.count, "person", "people")} to invite; batch.yml sets no training_day, so invite with "gc-onboard invite --batch ${invite.batch}"`;
  }
  const count2 = invite.unconfirmed > 0 ? `up to ${plural(invite.count, "invite")}` : plural(invite.count, "invite");
  return `${count2} on ${formatDay(invite.date)}`;
}
var PERSON_ACTION = {
  create: "create",
  update: "update",
  unchanged: "unchanged",
  skip: "skip (exists)",
  error: "error"
};
var PHONE_ACTION = {
  create: "create",
  update: "make default",
  unchanged: "unchanged",
  error: "error"
};
var findingKey = (f) => JSON.stringify([f.severity, f.file, f.line, f.column, f.code, f.message]);
function collectFindings(plan, extra) {
  return uniqueSorted([
    ...plan.findings,
    ...extra,
    ...plan.warnings,
    ...plan.batches.flatMap(
      (batch) => [...batch.people, ...batch.phones].flatMap((row) => [...row.errors, ...row.warnings])
    )
  ]);
}
function uniqueSorted(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((finding2) => {
    const key = findingKey(finding2);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort(compareFindings);
}
function findingsTotal(findings) {
  const errors = findings.filter((f) => f.severity === "error").length;
  const files = new Set(findings.map((f) => f.file)).size;
  return `${plural(errors, "error")}, ${plural(findings.length - errors, "warning")} in ${plural(files, "file")}`;
}
var where = (finding2) => `${finding2.file}:${finding2.line}`;

// src/render/drift.ts
var DRIFT_MARKER = "<!-- gc-onboard:drift -->";
var ISSUE_MAX_CHARS = COMMENT_MAX_CHARS;
var md = (value) => escapeMarkdown(clip(value));
var none = (value, wrap) => value === "" ? "(none)" : wrap(value);
function fieldText(field2, wrap) {
  if (field2.missing !== null && field2.missing.length > 0)
    return `${wrap(field2.field)}: gone ${field2.missing.map(wrap).join(", ")}`;
  return `${wrap(field2.field)}: CSV ${none(field2.csv, (v) => `"${wrap(v)}"`)}, org ${none(field2.org, (v) => `"${wrap(v)}"`)}`;
}
var KIND_TEXT = {
  changed: "changed",
  missing: "missing",
  deleted: "deleted",
  reassigned: "re-assigned",
  unresolved: "cannot be planned"
};
function rowText(row, wrap, joiner) {
  const parts = row.fields.map((field2) => fieldText(field2, wrap));
  if (row.detail !== "") parts.push(wrap(row.detail));
  return parts.join(joiner);
}
function applyRowsText(rows) {
  const byFile = /* @__PURE__ */ new Map();
  for (const row of rows.filter((candidate) => candidate.applyFixes)) {
    byFile.set(row.file, [...byFile.get(row.file) ?? [], row.line]);
  }
  return [...byFile].map(([file, lines]) => `${file} ${lines.length === 1 ? "line" : "lines"} ${lines.join(", ")}`).join("; ");
}
function headline(report) {
  const { counts } = report;
  if (!needsAttention(report) && counts.neverInvited === 0) {
    const batches = plural(report.batches.length, "batch", "batches");
    return `No drift: every row of the ${batches} under ${report.root} matches the org, and no invitation has expired.`;
  }
  const parts = [
    counts.drifted === 0 ? "no drift" : `${plural(counts.drifted, "row")} drifted (${plural(counts.people, "person", "people")}, ${plural(counts.phones, "phone")})`,
    `${plural(counts.expired, "expired invitation")}`,
    `${plural(counts.neverInvited, "person", "people")} never invited`
  ];
  if (counts.errors > 0) parts.push(plural(counts.errors, "error"));
  return `${parts.join(" \xB7 ")}.`;
}
function fixSentence(report, code2, text2) {
  const rows = report.batches.flatMap((batch) => batch.rows);
  const touched = applyRowsText(rows);
  if (touched === "") return "";
  const command = code2(`gc-onboard apply --imports ${report.root}`);
  return `${text2(`${plural(report.counts.applyFixes, "row")} can be put back by apply`)} (the Apply workflow, or ${command}), ${text2(`which would touch ${touched}; rows that match are not written.`)}`;
}
function followUpLine(followUp) {
  return [
    `${followUp.loggedIn} logged in`,
    `${followUp.waiting.length} invited and waiting`,
    `${followUp.expired.length} expired`,
    `${followUp.neverInvited.length} never invited`,
    ...followUp.unknown.length > 0 ? [`${followUp.unknown.length} unknown`] : []
  ].join(" \xB7 ");
}
function personStanding(person) {
  const day = (iso) => iso === null ? "" : iso.slice(0, 10);
  if (person.standing === "expired")
    return `invited ${day(person.invitedAt)}, expired ${day(person.expiresAt)}, never logged in`;
  if (person.standing === "never-invited") return "never invited";
  return "Genesys Cloud did not say whether they were invited";
}
var listed = (followUp) => [
  ...followUp.expired,
  ...followUp.neverInvited,
  ...followUp.unknown
];
function followUpCommands(followUp) {
  const commands = [];
  if (followUp.expired.length > 0) commands.push(`gc-onboard invite --expired --batch ${followUp.batch}`);
  if (followUp.neverInvited.length > 0) commands.push(`gc-onboard invite --batch ${followUp.batch}`);
  return commands;
}
function renderDriftText(report) {
  const lines = [plainText(headline(report))];
  const fix = fixSentence(
    report,
    (text2) => `"${text2}"`,
    (text2) => text2
  );
  if (fix !== "") lines.push(plainText(fix));
  for (const finding2 of report.findings)
    lines.push(plainText(`  ${where(finding2)}  error  ${finding2.code}  ${finding2.message}`));
  for (const batch of report.batches.filter((candidate) => candidate.rows.length > 0)) {
    lines.push("", plainText(`Batch ${batch.name}`));
    for (const row of batch.rows) {
      const who = row.subject === "person" ? `${row.name} <${row.email}>` : `phone ${row.name} (${row.email})`;
      const put = row.applyFixes ? "apply puts it back" : "";
      const how = [put, row.fix].filter(Boolean).join("; ");
      lines.push(
        plainText(
          `  ${row.file}:${row.line}  ${who}  ${KIND_TEXT[row.kind]}: ${rowText(row, (v) => v, "; ")}`
        )
      );
      if (how !== "") lines.push(plainText(`      ${how}`));
    }
  }
  for (const followUp of report.followUp) {
    lines.push(
      "",
      plainText(
        `Invitations of ${followUp.batch} (training day ${formatDay(followUp.trainingDay)}): ${followUpLine(followUp)}`
      )
    );
    for (const person of listed(followUp))
      lines.push(plainText(`  ${person.name} <${person.email}>  ${personStanding(person)}`));
    for (const command of followUpCommands(followUp)) lines.push(plainText(`  run: ${command}`));
  }
  return `${lines.join("\n")}
`;
}
var code = (text2) => `<code>${escapeMarkdown(text2)}</code>`;
function table(header, rows, maxRows, what) {
  const shown2 = rows.slice(0, maxRows);
  const blocks = [];
  if (shown2.length > 0) {
    blocks.push(
      [`| ${header.join(" | ")} |`, `|${header.map(() => " --- |").join("")}`].concat(shown2.map((cells) => `| ${cells.join(" | ")} |`)).join("\n")
    );
  }
  const left = rows.length - shown2.length;
  if (left > 0)
    blocks.push(
      `_\u2026 and ${plural(left, what[0], what[1])} more, not shown: run ${code("gc-onboard drift")} for every row._`
    );
  return blocks.join("\n\n");
}
function driftCells(row) {
  const put = row.applyFixes ? "apply" : "";
  return [
    String(row.line),
    md(row.name),
    md(row.email),
    `${KIND_TEXT[row.kind]}: ${rowText(row, md, "<br>")}`,
    [put, md(row.fix)].filter(Boolean).join("; ")
  ];
}
function batchMarkdown(batch, maxRows) {
  const blocks = [`### Batch ${md(batch.name)}`];
  for (const subject of ["person", "phone"]) {
    const rows = batch.rows.filter((row) => row.subject === subject);
    if (rows.length === 0) continue;
    const title = subject === "person" ? "People" : "Phones";
    blocks.push(`**${title}** (${md(rows[0]?.file ?? "")})`);
    const header = ["Line", subject === "person" ? "Name" : "Phone", "Email", "Drift", "Put back by"];
    blocks.push(table(header, rows.map(driftCells), maxRows, ["row", "rows"]));
  }
  return blocks.join("\n\n");
}
function followUpMarkdown(followUp, maxRows) {
  const blocks = [
    `#### Invitations of ${md(followUp.batch)} (training day ${md(formatDay(followUp.trainingDay))})`,
    md(followUpLine(followUp))
  ];
  const people = listed(followUp).map((person) => [
    md(person.name),
    md(person.email),
    md(personStanding(person))
  ]);
  if (people.length > 0)
    blocks.push(table(["Name", "Email", "Invitation"], people, maxRows, ["person", "people"]));
  const sentences = [];
  if (followUp.expired.length > 0)
    sentences.push(
      `Re-send the expired invitations with ${code(`gc-onboard invite --expired --batch ${followUp.batch}`)} (or set <code>reinvite_expired: true</code> in policy.yml and the training-day workflow does it).`
    );
  if (followUp.neverInvited.length > 0)
    sentences.push(`Invite the others with ${code(`gc-onboard invite --batch ${followUp.batch}`)}.`);
  if (sentences.length > 0) blocks.push(sentences.join(" "));
  return blocks.join("\n\n");
}
function findingsMarkdown(report, maxRows) {
  if (report.findings.length === 0) return "";
  const rows = report.findings.map((finding2) => [md(where(finding2)), md(finding2.code), md(finding2.message)]);
  return [
    `### ${plural(report.findings.length, "error")} stop rows from being compared`,
    table(["Where", "Code", "Problem"], rows, maxRows, ["error", "errors"])
  ].join("\n\n");
}
function markdownAt(report, maxRows, runUrl) {
  const blocks = [
    "## gc-onboard drift report",
    `**${md(headline(report))}** Checked on ${md(formatDay(report.today))}.`
  ];
  const fix = fixSentence(report, code, escapeMarkdown);
  if (fix !== "") blocks.push(fix);
  blocks.push(findingsMarkdown(report, maxRows));
  for (const batch of report.batches.filter((candidate) => candidate.rows.length > 0))
    blocks.push(batchMarkdown(batch, maxRows));
  for (const followUp of report.followUp) blocks.push(followUpMarkdown(followUp, maxRows));
  if (runUrl !== null) blocks.push(`_From [this run](${runUrl}) of gc-onboard drift._`);
  return `${blocks.filter((block) => block !== "").join("\n\n")}
`;
}
var ROW_LEVELS = [Infinity, 200, 50, 10, 0];
function renderDriftMarkdown(report, options = {}) {
  const max = options.maxChars ?? ISSUE_MAX_CHARS;
  const prefix = options.marker === void 0 ? "" : `${options.marker}
`;
  let text2 = "";
  for (const rows of ROW_LEVELS) {
    text2 = prefix + markdownAt(report, rows, options.runUrl ?? null);
    if (text2.length <= max) return text2;
  }
  return text2.slice(0, max);
}
function renderDriftIssue(report, runUrl) {
  return renderDriftMarkdown(report, {
    marker: DRIFT_MARKER,
    maxChars: ISSUE_MAX_CHARS - 1024,
    ...runUrl === void 0 ? {} : { runUrl }
  });
}
function renderDriftClosed(report, runUrl) {
  const from = runUrl === void 0 ? "" : ` ([run](${runUrl}))`;
  return `Everything matches again on ${md(formatDay(report.today))}${from}: ${md(headline(report))} Closing this issue; the next drift opens it again.
`;
}
function driftToJson(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/render/invite.ts
function headline2(report) {
  const sent = report.invited.filter((person) => person.sent).length;
  const failed = report.invited.length - sent;
  if (report.expired) return expiredHeadline(report, sent, failed);
  if (report.batches.length === 0)
    return `No batch has its training day on ${formatDay(report.date)}: nobody invited.`;
  const parts = [
    `${plural(sent, "invite")} sent`,
    `${plural(report.skipped.length, "person", "people")} skipped`
  ];
  if (failed > 0) parts.push(`${plural(failed, "invite")} failed`);
  const force = report.force ? " (forced: re-sent to everyone active)" : "";
  const when = report.catchUp === null ? `Training day ${formatDay(report.date)}, ${report.batches.join(", ")}` : `Catch-up for batch ${report.catchUp} on ${formatDay(report.date)}`;
  return `${when}: ${parts.join(" \xB7 ")}${force}.`;
}
function expiredHeadline(report, sent, failed) {
  const where2 = report.catchUp === null ? `batches trained on or before ${formatDay(report.date)}` : `batch ${report.catchUp}`;
  if (report.batches.length === 0) return `Expired invitations: no ${where2}: nothing re-sent.`;
  const parts = [`${plural(sent, "expired invitation")} re-sent`];
  if (report.skipped.length > 0)
    parts.push(`${plural(report.skipped.length, "person", "people")} to look at`);
  if (failed > 0) parts.push(`${plural(failed, "re-send")} failed`);
  return `Expired invitations in ${where2} (${report.batches.join(", ")}): ${parts.join(" \xB7 ")}.`;
}
function renderInviteText(report) {
  const lines = [plainText(headline2(report))];
  for (const person of report.invited) {
    const done = report.expired ? "re-sent (the invitation had expired)" : "invited";
    const status = person.sent ? done : `FAILED: ${person.error ?? "unknown error"}`;
    lines.push(plainText(`  ${person.batch}  ${person.name} <${person.email}>  ${status}`));
  }
  for (const person of report.skipped) {
    lines.push(plainText(`  ${person.batch}  ${person.name} <${person.email}>  skipped: ${person.detail}`));
  }
  return `${lines.join("\n")}
`;
}
function renderInviteMarkdown(report) {
  const title = report.expired ? "expired invitations" : "training-day invites";
  const lines = [`## gc-onboard ${title}`, "", escapeMarkdown(headline2(report)), ""];
  const done = report.expired ? "re-sent (expired)" : "invited";
  const rows = [
    ...report.invited.map((p) => [p.batch, p.name, p.email, p.sent ? done : `failed: ${p.error ?? ""}`]),
    ...report.skipped.map((p) => [p.batch, p.name, p.email, `skipped: ${p.detail}`])
  ];
  if (rows.length > 0) {
    lines.push("| Batch | Name | Email | Result |", "| --- | --- | --- | --- |");
    for (const row of rows) lines.push(`| ${row.map((cell) => escapeMarkdown(cell)).join(" | ")} |`);
    lines.push("");
  }
  return lines.join("\n");
}
function inviteToJson(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/invite/invite.ts
function dueBatches(imports, request) {
  if (request.batch !== void 0) return imports.batches.filter((batch) => batch.name === request.batch);
  return imports.batches.filter((batch) => batch.config.trainingDay === request.date);
}
function selectInvitees(batches, users, request) {
  const byEmail = /* @__PURE__ */ new Map();
  for (const user of users) {
    const key = user.email.toLowerCase();
    byEmail.set(key, [...byEmail.get(key) ?? [], user]);
  }
  const invite = [];
  const skipped = [];
  const seen = /* @__PURE__ */ new Set();
  for (const batch of [...batches].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const person of batch.people) {
      const skip = (reason, detail) => skipped.push({ batch: batch.name, email: person.email, name: person.name, reason, detail });
      if (seen.has(person.emailKey)) {
        skip("duplicate-in-batch", "already listed in a due batch");
        continue;
      }
      seen.add(person.emailKey);
      const matches = byEmail.get(person.emailKey) ?? [];
      const user = matches.find((u) => u.state !== "deleted") ?? matches[0];
      const state = inviteState(user);
      const invited = state === "invitable" || request.force && !NEVER_INVITED.has(state);
      if (user && invited) {
        invite.push({ batch: batch.name, email: person.email, name: person.name, userId: user.id });
      } else {
        skip(state === "invitable" ? "not-created" : SKIP_REASONS[state], skipDetail(state, user));
      }
    }
  }
  return {
    date: request.date,
    catchUp: request.batch ?? null,
    force: request.force,
    expired: false,
    batches: batches.map((batch) => batch.name).sort(),
    invite,
    skipped
  };
}
var NEVER_INVITED = /* @__PURE__ */ new Set(["not-created", "deleted", "inactive"]);
var SKIP_REASONS = {
  "not-created": "not-created",
  deleted: "deleted",
  inactive: "inactive",
  welcomed: "already-invited",
  "logged-in": "already-logged-in",
  "welcome-unknown": "welcome-unknown"
};
function skipDetail(state, user) {
  switch (state) {
    case "deleted":
      return "the user is deleted";
    case "inactive":
      return "the user is inactive; an invite would reactivate them";
    case "welcomed":
      return `invited on ${user?.dateWelcomeSent?.slice(0, 10) ?? ""}`;
    case "logged-in":
      return `logged in on ${user?.dateLastLogin?.slice(0, 10) ?? ""}`;
    case "welcome-unknown":
      return "Genesys Cloud did not say whether they were invited; run the invite again";
    default:
      return "not in Genesys Cloud yet: merge and apply the batch first";
  }
}
async function sendInvites(selection, inviter) {
  const invited = await Promise.all(
    selection.invite.map(async (person) => {
      try {
        await inviter.invite(person.userId, selection.force || selection.expired);
        return { ...person, sent: true, error: null };
      } catch (error) {
        return { ...person, sent: false, error: error instanceof Error ? error.message : String(error) };
      }
    })
  );
  return {
    date: selection.date,
    catchUp: selection.catchUp,
    force: selection.force,
    expired: selection.expired,
    batches: selection.batches,
    invited,
    skipped: selection.skipped,
    ok: invited.every((outcome) => outcome.sent)
  };
}
function todayIn(timeZone, now) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit"
  }).formatToParts(now);
  const get = (type) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

// src/permissions/forbidden.ts
var MissingPermissionError = class extends ConfigError {
  constructor(message, missing) {
    super(message);
    this.missing = missing;
  }
  missing;
  name = "MissingPermissionError";
};
var PERMISSION = /[A-Za-z*]+:[A-Za-z*]+:[A-Za-z*]+|\badmin\b/g;
function missingPermissionOf(error) {
  const e = typeof error === "object" && error !== null ? error : {};
  if (e.status !== 403) return null;
  const code2 = typeof e.code === "string" ? e.code : "";
  const text2 = typeof e.detail === "string" ? e.detail : typeof e.message === "string" ? e.message : "";
  const params = typeof e.messageParams === "object" && e.messageParams !== null ? e.messageParams : {};
  const fromParams = typeof params.permissions === "string" ? params.permissions : null;
  const permissions = (fromParams ?? afterLastColonList(text2)).match(PERMISSION) ?? [];
  const division = typeof params.divisionId === "string" ? params.divisionId : /in division ([^\s:]+)/.exec(text2)?.[1] ?? null;
  const call = typeof e.method === "string" && typeof e.route === "string" ? `${e.method} ${e.route}` : null;
  return { code: code2, permissions: [...new Set(permissions)], divisionId: division, call };
}
function afterLastColonList(text2) {
  const at3 = Math.max(text2.lastIndexOf("permission(s)"), text2.lastIndexOf("assigned"));
  return at3 < 0 ? text2 : text2.slice(at3);
}
function forbiddenLine(missing, divisionName = (id) => id) {
  const what = missing.permissions.length === 0 ? "a permission" : missing.code === "missing.any.permissions" ? `one of ${missing.permissions.join(", ")}` : missing.permissions.join(", ");
  const where2 = missing.divisionId ? ` in division '${divisionName(missing.divisionId)}'` : "";
  const call = missing.call ? ` on ${missing.call}` : "";
  return `The OAuth client lacks ${what}${where2} (403 ${missing.code || "forbidden"}${call}): give it a role with ${missing.permissions.length > 1 && missing.code !== "missing.any.permissions" ? "them" : "it"}${where2 ? " in that division" : ""}, then run again (gc-onboard doctor checks every permission).`;
}
function permissionGate(target) {
  let denied = null;
  const firstCalls = /* @__PURE__ */ new Map();
  const wrapped = new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== "function") return value;
      const method = value;
      const call = (args) => {
        if (denied !== null) return Promise.reject(denied);
        return Promise.resolve(method.apply(object, args)).catch((error) => {
          if (denied === null && missingPermissionOf(error) !== null)
            denied = error instanceof Error ? error : new Error(String(error));
          throw error;
        });
      };
      return (...args) => {
        const first = firstCalls.get(key);
        if (first) return first.then(() => call(args));
        const answer = call(args);
        firstCalls.set(
          key,
          answer.then(
            () => void 0,
            () => void 0
          )
        );
        return answer;
      };
    }
  });
  return { wrapped, denied: () => denied };
}
function asMissingPermission(error, divisionName) {
  const missing = missingPermissionOf(error);
  return missing ? new MissingPermissionError(forbiddenLine(missing, divisionName), missing) : error;
}

// src/apply/bounds.ts
var PHASE_OF = {
  createLocation: "people",
  findLocation: "people",
  createUser: "people",
  findUserByEmail: "people",
  getUser: "people",
  defaultCountryCode: "people",
  patchUser: "people",
  moveUsers: "people",
  addGrants: "people",
  grantRole: "people",
  addQueueMembers: "people",
  setSkills: "people",
  createPhone: "phones",
  findPhoneByName: "phones",
  findPhoneByUser: "phones",
  findStation: "phones",
  listStations: "phones",
  setDefaultStation: "phones"
};
async function inWindow(items, size, work) {
  const next = items[Symbol.iterator]();
  const lane = async () => {
    for (let item = next.next(); !item.done; item = next.next()) await work(item.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.floor(size)) }, lane));
}
function inFlightAtMost(org, limit) {
  let running = 0;
  const waiting = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  const slot = () => {
    if (running < limit) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise(
      (resolve) => waiting.push(() => {
        running += 1;
        resolve();
      })
    );
  };
  const call = org;
  const wrapped = {};
  for (const name of Object.keys(PHASE_OF)) {
    wrapped[name] = async (...args) => {
      await slot();
      try {
        return await call[name](...args);
      } finally {
        release();
      }
    };
  }
  return wrapped;
}
function counted(org, answered) {
  const call = org;
  const wrapped = {};
  for (const [name, phase] of Object.entries(PHASE_OF)) {
    wrapped[name] = (...args) => call[name](...args).finally(() => answered(phase));
  }
  return wrapped;
}

// src/apply/grants.ts
var ROLE_GRANT_PAGE = 100;
function planGrantCalls(needs, page = ROLE_GRANT_PAGE) {
  const people = mergeByUser(needs);
  const groups = /* @__PURE__ */ new Map();
  const keysOf = /* @__PURE__ */ new Map();
  for (const [userId, grants] of people) {
    const keys = [];
    for (const [roleId, divisionIds] of divisionSets(grants)) {
      const key = `${roleId}|${divisionIds.join(",")}`;
      const group = groups.get(key) ?? { roleId, divisionIds, userIds: [] };
      group.userIds.push(userId);
      groups.set(key, group);
      keys.push(key);
    }
    keysOf.set(userId, keys);
  }
  const alone = /* @__PURE__ */ new Set();
  for (let moved = true; moved; ) {
    moved = false;
    for (const [userId, keys] of keysOf) {
      if (alone.has(userId)) continue;
      const lastPageAlone = keys.filter((key) => (groups.get(key)?.userIds.length ?? 0) % page === 1);
      const saved = lastPageAlone.length;
      if (saved < 2 && !(saved === 1 && keys.length === 1)) continue;
      alone.add(userId);
      for (const key of keys) {
        const group = groups.get(key);
        if (group) group.userIds = group.userIds.filter((id) => id !== userId);
      }
      moved = true;
    }
  }
  const calls = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key);
    if (!group) continue;
    for (let i = 0; i < group.userIds.length; i += page) {
      const userIds = group.userIds.slice(i, i + page);
      calls.push({ kind: "role", roleId: group.roleId, divisionIds: group.divisionIds, userIds });
    }
  }
  for (const [userId, grants] of people) {
    if (alone.has(userId)) calls.push({ kind: "subject", userId, grants });
  }
  return calls;
}
function mergeByUser(needs) {
  const people = /* @__PURE__ */ new Map();
  for (const { userId, grants } of needs) {
    if (grants.length === 0) continue;
    const list = people.get(userId) ?? [];
    for (const grant of grants) {
      if (!list.some((g) => g.roleId === grant.roleId && g.divisionId === grant.divisionId)) list.push(grant);
    }
    people.set(userId, list);
  }
  return people;
}
function divisionSets(grants) {
  const sets = /* @__PURE__ */ new Map();
  for (const { roleId, divisionId } of grants) sets.set(roleId, [...sets.get(roleId) ?? [], divisionId]);
  for (const divisionIds of sets.values()) divisionIds.sort();
  return sets;
}
function usersOf(call) {
  return call.kind === "role" ? call.userIds : [call.userId];
}
var GrantFailure = class extends Error {
};
function sendGrants(calls, sender) {
  const outcomes = /* @__PURE__ */ new Map();
  for (const call of calls) {
    const failures = grantIsolating(call, sender, true);
    for (const userId of usersOf(call)) {
      const own = failures.then((failed) => failed.get(userId));
      outcomes.set(userId, [...outcomes.get(userId) ?? [], own]);
    }
  }
  const perUser = /* @__PURE__ */ new Map();
  for (const [userId, pending] of outcomes) {
    perUser.set(
      userId,
      Promise.all(pending).then((outcome) => {
        const errors = outcome.filter((error) => error !== void 0);
        if (errors.length === 1)
          throw errors[0] instanceof Error ? errors[0] : new Error(errorLine(errors[0]));
        const messages = [...new Set(errors.map(errorLine))];
        if (messages.length > 0) throw new GrantFailure(messages.join("; "));
      })
    );
  }
  return perUser;
}
async function grantIsolating(call, sender, firstTry) {
  try {
    await sender.send(call, firstTry);
    return /* @__PURE__ */ new Map();
  } catch (error) {
    if (call.kind === "role" && call.userIds.length > 1 && splitting(error)) {
      const middle = Math.ceil(call.userIds.length / 2);
      const halvesFirstTry = firstTry && isTooLarge(error);
      const halves = [call.userIds.slice(0, middle), call.userIds.slice(middle)].map(
        (userIds) => grantIsolating({ ...call, userIds }, sender, halvesFirstTry)
      );
      const failed = /* @__PURE__ */ new Map();
      for (const half of await Promise.all(halves)) for (const [id, e] of half) failed.set(id, e);
      return failed;
    }
    return new Map(usersOf(call).map((userId) => [userId, error]));
  }
}
function splitting(error) {
  return isNotFound(error) || isTooLarge(error);
}

// src/apply/users.ts
var RowFailure = class extends Error {
};
async function waitForIndex(read, wait) {
  const deadline = wait.now() + wait.indexWaitMs;
  for (let pause = 500; ; pause = Math.min(pause * 2, 8e3)) {
    const value = await read();
    if (value !== null) return value;
    if (wait.now() + pause > deadline) return null;
    await wait.sleep(pause);
  }
}
async function ensureLocation(org, name) {
  try {
    return await org.createLocation(name);
  } catch (error) {
    if (!isConflict(error)) throw error;
    const id = await org.findLocation(name);
    if (!id) throw error;
    return id;
  }
}
async function ensureUser(org, person, wait) {
  const create = person.create;
  if (!create) throw new RowFailure("nothing to create");
  try {
    return { record: await org.createUser(create), adopted: false };
  } catch (error) {
    if (!isConflict(error)) throw error;
    const found = await waitForIndex(() => org.findUserByEmail(person.email), wait);
    if (!found) throw error;
    if (found.state === "deleted") {
      throw new RowFailure(
        `${person.email} belongs to a deleted user; restore or rename it in Genesys Cloud`
      );
    }
    const same = found.state === "active" && found.name === create.name && found.divisionId === create.divisionId && found.title === (create.title ?? "") && found.department === (create.department ?? "");
    if (!same) {
      throw new RowFailure(
        `${person.email} now belongs to another user, "${found.name}" (${found.state}, id ${found.id}), who appeared after the plan; plan again to review the change`
      );
    }
    return { record: found, adopted: true };
  }
}
function managerKey(manager) {
  return manager.email.toLowerCase();
}
async function patchPerson(request) {
  const { org, person, userId, created, country } = request;
  const update = await updateOf(request);
  if (Object.keys(update).length === 0) return;
  let version = created?.version ?? person.version;
  await request.retry(async (afterRace) => {
    if (afterRace || version === null) {
      const current = await org.getUser(userId);
      if (afterRace && reflects(current, update, update.addresses ? await country() : null)) return;
      version = current.version;
    }
    await org.patchUser(userId, version, update);
  });
}
async function updateOf(request) {
  const { person, created, adopted } = request;
  const update = { ...person.patch };
  if (adopted && created && person.create && !sameWorkPhone(created.addresses, person.create.addresses, await request.country())) {
    update.addresses = person.create.addresses;
  }
  if (person.manager) {
    const managerId = person.manager.userId ?? request.userIds.get(managerKey(person.manager));
    if (!managerId) throw new RowFailure(`manager ${person.manager.email} was not created`);
    if (created?.managerId !== managerId) update.managerId = managerId;
  }
  if (person.location) {
    const name = person.location.name;
    const locationId = person.location.locationId ?? request.locations.ids.get(name);
    if (!locationId) {
      const why2 = request.locations.errors.get(name);
      throw new RowFailure(`location "${name}" could not be created${why2 ? `: ${errorLine(why2)}` : ""}`);
    }
    if (!(created?.locationIds.length === 1 && created.locationIds[0] === locationId))
      update.locationIds = [locationId];
  }
  return update;
}
function reflects(user, update, country) {
  return (update.name === void 0 || user.name === update.name) && (update.title === void 0 || user.title === update.title) && (update.department === void 0 || user.department === update.department) && (update.addresses === void 0 || sameWorkPhone(user.addresses, update.addresses, country)) && (update.managerId === void 0 || user.managerId === update.managerId) && (update.locationIds === void 0 || user.locationIds.join() === update.locationIds.join());
}
function sameWorkPhone(held, written2, country) {
  const readBack = held.find(isWorkPhone);
  const wanted = written2.find(isWorkPhone);
  const a = readBack ? readWorkPhone(readBack) : { number: "", extension: "" };
  const b = { number: wanted?.address ?? "", extension: wanted?.extension ?? "" };
  return sameNumber(a.number, b.number, country) && sameExtension(a.extension, b.extension);
}

// src/apply/phones.ts
var STATION_PAGE = 100;
async function ensurePhone(org, phone, userId, retry) {
  if (!phone.siteId || !phone.baseSettingsId || !phone.lineBaseSettingsId) {
    throw new RowFailure("site or base settings unresolved");
  }
  const body = {
    name: phone.name,
    siteId: phone.siteId,
    baseSettingsId: phone.baseSettingsId,
    lineBaseSettingsId: phone.lineBaseSettingsId,
    webRtcUserId: userId
  };
  try {
    return await retry(() => org.createPhone(body));
  } catch (error) {
    if (!isTaken(error)) throw error;
    const byName2 = await org.findPhoneByName(phone.name);
    const existing = byName2?.name === phone.name ? byName2 : await org.findPhoneByUser(userId);
    if (existing && existing.webRtcUserId === userId && existing.name === phone.name) return existing;
    throw error;
  }
}
async function findStations(org, userIds, wait) {
  const found = /* @__PURE__ */ new Map();
  await wait.sleep(wait.stationFirstPollMs);
  if (userIds.length > 1) await listStations(org, new Set(userIds), found);
  await Promise.all(
    userIds.filter((userId) => !found.has(userId)).map(async (userId) => {
      try {
        const stationId = await waitForIndex(() => org.findStation(userId), wait);
        found.set(
          userId,
          stationId ?? new RowFailure(
            `its station did not appear within ${wait.indexWaitMs / 1e3} s; run apply again`
          )
        );
      } catch (error) {
        found.set(userId, error instanceof Error ? error : new Error(String(error)));
      }
    })
  );
  return found;
}
async function listStations(org, wanted, found) {
  const take = (stations) => {
    for (const station of stations) {
      if (station.webRtcUserId && wanted.has(station.webRtcUserId))
        found.set(station.webRtcUserId, station.id);
    }
  };
  try {
    const first = await org.listStations(1, STATION_PAGE);
    take(first.stations);
    const missing = wanted.size - found.size;
    if (first.pageCount - 1 < missing) {
      await Promise.all(
        Array.from(
          { length: first.pageCount - 1 },
          async (_, i) => take((await org.listStations(i + 2, STATION_PAGE)).stations)
        )
      );
    }
  } catch {
  }
}

// src/apply/progress.ts
var ProgressCounter = class {
  constructor(totals, plannedCalls2, clock, listener) {
    this.clock = clock;
    this.listener = listener;
    this.rows = { people: { done: 0, total: totals.people }, phones: { done: 0, total: totals.phones } };
    this.calls = { done: 0, planned: plannedCalls2, retries: 0 };
  }
  clock;
  listener;
  rows;
  calls;
  waitingForNewUsers = 0;
  /** A row of `phase` finished (done or failed). */
  rowDone(phase) {
    this.rows[phase].done += 1;
    this.report(phase);
  }
  callAnswered(phase) {
    this.calls.done += 1;
    this.report(phase);
  }
  /** A call sent again (or a re-read) because of a new user's 404 or a version race. */
  retried() {
    this.calls.retries += 1;
  }
  /** A call starts (+1) or stops (−1) waiting for a new user; reported when one starts. */
  waiting(delta, phase) {
    this.waitingForNewUsers += delta;
    if (delta > 0) this.report(phase);
  }
  report(phase) {
    if (!this.listener) return;
    const elapsed = (this.clock.now() - this.clock.started) / 1e3;
    const { done, planned, retries } = this.calls;
    const left = Math.max(0, planned + retries - done);
    this.listener({
      phase,
      done: this.rows[phase].done,
      total: this.rows[phase].total,
      people: { ...this.rows.people },
      phones: { ...this.rows.phones },
      calls: { ...this.calls },
      waitingForNewUsers: this.waitingForNewUsers,
      elapsedSeconds: elapsed,
      etaSeconds: done === 0 ? null : elapsed / done * left
    });
  }
};

// src/apply/apply.ts
var defaults = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: () => Math.random(),
  stationFirstPollMs: 2e3,
  indexWaitMs: 6e4,
  newUserWaitMs: 3e4,
  versionTries: 5,
  versionRetryMs: 2e3,
  userWriteGapMs: 1e3,
  maxCallsInFlight: 128,
  rowWindow: 256,
  roleGrantPage: ROLE_GRANT_PAGE
};
async function applyPlan(plan, writer, options = {}) {
  const invalid = plan.findings.filter((finding2) => finding2.severity === "error");
  if (invalid.length > 0) {
    return {
      ok: false,
      refused: `${invalid.length} validation error${invalid.length === 1 ? "" : "s"} in the imports: nothing was changed`,
      rows: [],
      locationsCreated: [],
      seconds: 0
    };
  }
  return new ApplyRun(plan, writer, { ...defaults, ...withoutUndefined(options) }).run();
}
var writes = (action) => action === "create" || action === "update";
var ApplyRun = class {
  constructor(plan, writer, settings) {
    this.plan = plan;
    this.settings = settings;
    this.started = settings.now();
    this.people = plan.batches.flatMap((batch) => batch.people);
    this.phones = plan.batches.flatMap((batch) => batch.phones);
    this.rows = new RowResults(this.people, this.phones);
    this.progress = new ProgressCounter(
      {
        people: this.people.filter((p) => writes(p.action)).length,
        phones: this.phones.filter((p) => writes(p.action)).length
      },
      plannedCalls(plan, settings.roleGrantPage),
      { now: settings.now, started: this.started },
      settings.onProgress
    );
    const bounded = inFlightAtMost(writer, settings.maxCallsInFlight);
    const gate2 = permissionGate(counted(bounded, (phase) => this.progress.callAnswered(phase)));
    this.org = gate2.wrapped;
    this.gate = gate2;
    this.lanes = new UserLanes({ now: settings.now, sleep: settings.sleep, gapMs: settings.userWriteGapMs });
  }
  plan;
  settings;
  started;
  people;
  phones;
  rows;
  progress;
  org;
  gate;
  lanes;
  locations = { ids: /* @__PURE__ */ new Map(), errors: /* @__PURE__ */ new Map() };
  locationsCreated = [];
  /** Every person's user id by email key: existing people's from the plan, new ones' once created. */
  userIds = /* @__PURE__ */ new Map();
  /** Users this run created (or whose lost create it met): only their 404s mean "not there yet". */
  newUsers = /* @__PURE__ */ new Set();
  /** What the create returned, until that row's PATCH has used it. */
  records = /* @__PURE__ */ new Map();
  /** Creates that met their own earlier write (409): that user may lack part of the create body. */
  adopted = /* @__PURE__ */ new Set();
  grants = /* @__PURE__ */ new Map();
  /** Settles once every create has and the role grants are sent (a person's follow-ups wait on it). */
  grantsSent = deferred();
  /** Each new person's create, settled when it has succeeded or failed: follow-ups wait on it. */
  creates = /* @__PURE__ */ new Map();
  /** People whose writes are done and whose row waits only for their grants' answers. */
  settling = [];
  bulkOf = /* @__PURE__ */ new Map();
  bulkWork = [];
  stationsWanted = [];
  countryRead;
  /** Rows that finished a windowed step, for the collector every `rowWindow` of them. */
  finished = 0;
  async run() {
    await Promise.all(this.plan.locationsToCreate.map((location) => this.createLocation(location.name)));
    const writing = this.people.filter((p) => writes(p.action));
    this.planBulk(writing);
    const units = unitsOf(
      writing,
      this.phones.filter((phone) => writes(phone.action))
    );
    const creating = this.createPeople();
    const following = inWindow(
      units,
      this.settings.rowWindow,
      this.tidied((unit) => this.followUp(unit))
    );
    following.catch(noop);
    try {
      await creating;
      this.sendGrants(writing.filter((person) => this.userIds.has(person.emailKey)));
    } finally {
      this.grantsSent.resolve();
    }
    await following;
    await Promise.all([...this.settling, ...this.bulkWork]);
    await this.setNewDefaultStations();
    const denied = this.gate.denied();
    if (denied instanceof Error) throw denied;
    const rows = this.rows.all();
    return {
      ok: rows.every((row) => row.outcome !== "failed" && row.outcome !== "held"),
      refused: null,
      rows,
      locationsCreated: this.locationsCreated.sort(),
      seconds: (this.settings.now() - this.started) / 1e3
    };
  }
  async createLocation(name) {
    try {
      this.locations.ids.set(name, await ensureLocation(this.org, name));
      this.locationsCreated.push(name);
    } catch (error) {
      this.locations.errors.set(name, error);
    }
  }
  async createPeople() {
    for (const person of this.people) {
      if (person.userId !== null && person.action !== "error")
        this.userIds.set(person.emailKey, person.userId);
    }
    const creates = this.people.filter((person) => person.action === "create");
    for (const person of creates) this.creates.set(person.emailKey, deferred());
    await inWindow(
      creates,
      Math.min(this.settings.rowWindow, Math.max(1, Math.floor(this.settings.maxCallsInFlight / 2))),
      this.tidied(async (person) => {
        try {
          const { record, adopted } = await ensureUser(this.org, person, this.settings);
          this.records.set(person, record);
          if (adopted) this.adopted.add(person);
          this.userIds.set(person.emailKey, record.id);
          this.newUsers.add(record.id);
          this.rows.of(person).userId = record.id;
        } catch (error) {
          this.rows.fail(person, [error]);
          this.progress.rowDone("people");
        } finally {
          this.creates.get(person.emailKey)?.resolve();
        }
      })
    );
  }
  /** Once this person's create and their manager's (when the run creates them) have settled. */
  async exists(person) {
    const manager = person.manager && !person.manager.userId ? managerKey(person.manager) : null;
    await Promise.all([
      this.creates.get(person.emailKey)?.promise,
      manager ? this.creates.get(manager)?.promise : void 0
    ]);
  }
  /** A person's role grants: settled when every grant call naming them has answered. */
  async grantsOf(userId) {
    await this.grantsSent.promise;
    await this.grants.get(userId);
  }
  /** `work`, and after every `rowWindow` rows that finish it, the collector large plans are given. */
  tidied(work) {
    return async (item) => {
      await work(item);
      this.finished += 1;
      if (this.finished % this.settings.rowWindow === 0) this.settings.collectGarbage?.();
    };
  }
  /**
   * Role grants (not version-checked, so alongside everything else): one call per role, division set
   * and page of people (`roleGrantPage`), or one bulkadd for someone whose roles nobody else shares
   * (grants.ts). Sent at once after the last create (they group people across the batch): they are
   * few, and a default station waits for its person's.
   */
  sendGrants(followUps) {
    const calls = planGrantCalls(
      followUps.map((person) => ({ userId: this.idOf(person), grants: person.grants })),
      this.settings.roleGrantPage
    );
    this.grants = sendGrants(calls, {
      send: (call, firstTry) => this.retried(
        "people",
        { newUser: firstTry && usersOf(call).some((id) => this.newUsers.has(id)), versioned: false },
        () => call.kind === "role" ? this.org.grantRole(call.roleId, call.divisionIds, call.userIds) : this.org.addGrants(call.userId, call.grants)
      )
    });
    for (const work of this.grants.values()) work.catch(() => void 0);
  }
  /**
   * Queue joins in 100s per queue, division moves in 100s per division. Each is sent once every person
   * in it has started their follow-ups (or failed to be created), so that a move joins its people's
   * lanes after their PATCH and skills (a move bumps the version too) and a join goes out after their
   * PATCH, like theirs. Someone whose create failed is left out.
   */
  planBulk(people) {
    const isNew = (person) => this.newUsers.has(this.idOf(person));
    const joins = groupBy(people, (person) => person.queueIds);
    const moves = groupBy(people, (person) => person.moveToDivisionId ? [person.moveToDivisionId] : []);
    this.addBulk(
      joins,
      (queueId, chunk, ids) => this.retried(
        "people",
        { newUser: chunk.some(isNew), versioned: false },
        () => this.org.addQueueMembers(queueId, ids)
      )
    );
    this.addBulk(
      moves,
      (divisionId, _chunk, ids) => this.lanes.run(ids, () => this.org.moveUsers(divisionId, ids))
    );
  }
  addBulk(groups, write) {
    for (const [key, members] of groups) {
      for (const planned of chunks(members, 100)) {
        const bulk = {
          left: planned.length,
          send: async () => {
            const chunk = planned.filter((person) => this.userIds.has(person.emailKey));
            if (chunk.length === 0) return;
            await write(
              key,
              chunk,
              chunk.map((person) => this.idOf(person))
            ).catch((error) => chunk.forEach((person) => this.rows.fail(person, [error])));
          }
        };
        for (const person of planned) this.bulkOf.set(person, [...this.bulkOf.get(person) ?? [], bulk]);
      }
    }
  }
  /** The person has started their follow-ups: send the bulk writes that waited only for them. */
  bulkReady(person) {
    for (const bulk of this.bulkOf.get(person) ?? []) {
      bulk.left -= 1;
      if (bulk.left === 0) this.bulkWork.push(bulk.send());
    }
    this.bulkOf.delete(person);
  }
  /**
   * One user's follow-ups: the PATCH, then (in the user's lane) skills; the phone once the PATCH has
   * answered, so that a new user has had a moment to reach telephony and a batch's calls interleave
   * (the phone writes' own lower limit never holds back the other calls). The default station of a
   * new phone waits for the one station listing after every row.
   */
  async followUp(unit) {
    if (unit.person) await this.exists(unit.person);
    const created = unit.person !== null && this.userIds.has(unit.person.emailKey);
    const person = unit.person && created ? this.personFollowUps(unit.person) : null;
    if (unit.person) this.bulkReady(unit.person);
    await person?.patched;
    await Promise.all([person?.written, ...unit.phones.map((phone) => this.phoneRow(phone))]);
    if (person) this.settling.push(person.done);
  }
  /** PATCH and skills in the user's lane, one after the other (they race on the user's version). */
  personFollowUps(person) {
    const userId = this.idOf(person);
    const newUser = this.newUsers.has(userId);
    const patched = this.lanes.run(
      [userId],
      () => patchPerson({
        org: this.org,
        person,
        userId,
        created: this.records.get(person),
        adopted: this.adopted.has(person),
        userIds: this.userIds,
        locations: this.locations,
        country: () => this.countryRead ??= this.org.defaultCountryCode(),
        // After a race the PATCH re-reads the user first: one more call, counted with the retries.
        retry: (patch) => this.retried("people", { newUser: false, versioned: true }, (afterRace) => {
          if (afterRace) this.progress.retried();
          return patch(afterRace);
        })
      })
    );
    const skills = chunks(person.skills, 50).map(
      (part) => this.lanes.run(
        [userId],
        () => this.retried("people", { newUser, versioned: true }, () => this.org.setSkills(userId, part))
      )
    );
    const written2 = Promise.allSettled([patched, ...skills]);
    const done = Promise.all([written2, Promise.allSettled([this.grantsOf(userId)])]).then(
      ([outcomes, grants]) => {
        const errors = [...outcomes, ...grants].flatMap(
          (o) => o.status === "rejected" ? [o.reason] : []
        );
        if (errors.length > 0) this.rows.fail(person, errors);
        this.progress.rowDone("people");
      }
    );
    return {
      patched: patched.then(noop, noop),
      written: written2.then(() => void this.records.delete(person)),
      done
    };
  }
  /** A phone row: its phone, and its default station unless its station must be looked up first. */
  async phoneRow(phone) {
    try {
      const userId = this.placePhone(phone);
      if (userId === null) return this.progress.rowDone("phones");
      const newUser = this.newUsers.has(userId);
      if (phone.action === "create") {
        const created = await ensurePhone(
          this.org,
          phone,
          userId,
          (create) => this.retried("phones", { newUser, versioned: false }, create)
        );
        this.rows.of(phone).phoneId = created.id;
      }
      if (phone.stationId === null) {
        this.stationsWanted.push({ phone, userId });
        return;
      }
      const stationId = phone.stationId;
      this.settling.push(
        this.makeDefault(phone, userId, stationId).catch((error) => this.rows.fail(phone, [error])).then(() => this.progress.rowDone("phones"))
      );
      return;
    } catch (error) {
      this.rows.fail(phone, [error]);
    }
    this.progress.rowDone("phones");
  }
  /** The phone's user id, or null (and the row skipped) when its person was not created. */
  placePhone(phone) {
    const result = this.rows.of(phone);
    const userId = phone.person.userId ?? this.userIds.get(phone.person.emailKey);
    if (userId) {
      result.userId = userId;
      return userId;
    }
    const owner = phone.person.row ? `its person (${phone.person.row.file}:${phone.person.row.line})` : "its person";
    result.outcome = "skip";
    result.error = `not created: ${owner} ${phone.person.email} was not created`;
    return null;
  }
  /** New phones' stations, looked up together (one listing instead of a call each), then made default. */
  async setNewDefaultStations() {
    const wanted = this.stationsWanted.splice(0);
    if (wanted.length === 0) return;
    const userIds = [...new Set(wanted.map((w) => w.userId))];
    const found = await findStations(this.org, userIds, this.settings);
    await inWindow(
      wanted,
      this.settings.rowWindow,
      this.tidied(async ({ phone, userId }) => {
        try {
          const station = found.get(userId) ?? new RowFailure("its station was not found; run apply again");
          if (station instanceof Error) throw station;
          await this.makeDefault(phone, userId, station);
        } catch (error) {
          this.rows.fail(phone, [error]);
        }
        this.progress.rowDone("phones");
      })
    );
  }
  /**
   * The default station needs its person to hold conversation:call:add, which a new person gets from
   * this run's grants: it waits for them. Then it joins the user's lane, after the PATCH and skills.
   */
  async makeDefault(phone, userId, stationId) {
    this.rows.of(phone).stationId = stationId;
    await this.grantsOf(userId).catch((error) => {
      throw new RowFailure(
        `not made the default phone: its person's role grants failed, and a default phone needs the person to hold conversation:call:add (${errorLine(error)})`
      );
    });
    const newUser = this.newUsers.has(userId);
    await this.lanes.run(
      [userId],
      () => this.retried(
        "phones",
        { newUser, versioned: true },
        () => this.org.setDefaultStation(userId, stationId)
      )
    );
  }
  /** A write with the retries its kind allows, counted for progress. */
  retried(phase, kind, write) {
    return retrying(write, kind, this.settings, {
      retried: () => this.progress.retried(),
      waiting: (delta) => this.progress.waiting(delta, phase)
    });
  }
  idOf(person) {
    return this.userIds.get(person.emailKey);
  }
};
function unitsOf(people, phoneRows) {
  const units = [];
  const byEmail = /* @__PURE__ */ new Map();
  for (const person of people) {
    const unit = { person, phones: [] };
    units.push(unit);
    byEmail.set(person.emailKey, unit);
  }
  for (const phone of phoneRows) {
    const unit = byEmail.get(phone.person.emailKey);
    if (unit) unit.phones.push(phone);
    else {
      const own = { person: null, phones: [phone] };
      units.push(own);
      byEmail.set(phone.person.emailKey, own);
    }
  }
  return units;
}
function plannedCalls(plan, roleGrantPage = ROLE_GRANT_PAGE) {
  let calls = plan.locationsToCreate.length;
  const queueMembers = /* @__PURE__ */ new Map();
  const divisionMoves = /* @__PURE__ */ new Map();
  let newPhones = 0;
  const grants = [];
  for (const batch of plan.batches) {
    for (const person of batch.people) {
      if (!writes(person.action)) continue;
      if (person.action === "create") calls += 1;
      if (Object.keys(person.patch).length > 0 || person.manager || person.location) calls += 1;
      grants.push({ userId: person.emailKey, grants: person.grants });
      calls += Math.ceil(person.skills.length / 50);
      for (const queueId of person.queueIds) queueMembers.set(queueId, (queueMembers.get(queueId) ?? 0) + 1);
      if (person.moveToDivisionId)
        divisionMoves.set(person.moveToDivisionId, (divisionMoves.get(person.moveToDivisionId) ?? 0) + 1);
    }
    for (const phone of batch.phones) {
      if (phone.action === "create") newPhones += 1;
      if (writes(phone.action)) calls += 1;
      if (phone.action === "update" && phone.stationId === null) calls += 1;
    }
  }
  calls += planGrantCalls(grants, roleGrantPage).length;
  for (const n of [...queueMembers.values(), ...divisionMoves.values()]) calls += Math.ceil(n / 100);
  calls += newPhones + (newPhones > 1 ? Math.ceil(newPhones / STATION_PAGE) : newPhones);
  return calls;
}
function groupBy(items, keys) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
function chunks(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
function noop() {
}
function withoutUndefined(options) {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== void 0));
}
function deferred() {
  let resolve = noop;
  const promise = new Promise((done) => resolve = done);
  return { promise, resolve };
}

// src/genesys/snapshot.ts
var PAGE_SIZE = {
  divisions: 100,
  roles: 100,
  sites: 100,
  phoneBaseSettings: 100,
  queues: 500,
  skills: 500,
  locations: 100,
  users: 500,
  userSearch: 100,
  subjectGrants: 100,
  queueMembers: 100,
  phones: 100,
  stations: 100
};
var LISTING_CAP = 1e4;
var WEBRTC_META_BASE = "inin_webrtc_softphone.json";
var USER_EXPAND = ["skills", "locations", "station", "dateWelcomeSent", "dateLastLogin"];
var PHONE_LISTING = { fields: ["webRtcUser"], expand: ["lines"], sortBy: "id" };
function phonesPage(client, pageNumber, pageSize, filter = {}) {
  return client.telephony.getTelephonyProvidersEdgesPhones({
    ...filter,
    pageNumber,
    pageSize,
    fields: [...PHONE_LISTING.fields],
    expand: [...PHONE_LISTING.expand],
    sortBy: PHONE_LISTING.sortBy
  });
}
function chooseUserStrategy(emails, counts = {}) {
  if (emails === 0) return "none";
  const search = Math.ceil(emails / PAGE_SIZE.userSearch);
  if (search <= 3) return "search";
  if (counts.active === void 0) return "probe-active";
  const activePages = pages(counts.active, PAGE_SIZE.users);
  if (activePages + 1 >= search) return "search";
  if (counts.inactive === void 0 || counts.deleted === void 0) return "probe-others";
  if (counts.inactive > LISTING_CAP || counts.deleted > LISTING_CAP) return "search";
  const rest = [counts.active, counts.inactive, counts.deleted].reduce(
    (sum, users) => sum + pages(users, PAGE_SIZE.users) - 1,
    0
  );
  return rest < search ? "page" : "search";
}
function pages(count2, pageSize) {
  return Math.max(1, Math.ceil(count2 / pageSize));
}
async function loadSnapshot(client, need) {
  const [batch, listings] = await Promise.all([readForBatch(client, need), readListings(client)]);
  const { users, roles } = batch;
  const byId = new Map(users.map((user) => [user.id, user]));
  for (const { subjectId, grant } of batch.grants) byId.get(subjectId)?.grants.push(grant);
  for (const { userId, queueId } of batch.members) byId.get(userId)?.queueIds.push(queueId);
  const phones = toSnapshotPhones(batch.kept, batch.stations);
  await readOwnerGrants(client, ownersToCheck(users, need.phoneOwners, roles, phones));
  return {
    homeDivisionId: batch.homeDivisionId,
    defaultCountryCode: batch.defaultCountryCode,
    divisions: toNamed(listings.divisions),
    roles,
    sites: toNamed(listings.sites),
    phoneBaseSettings: listings.baseSettings,
    queues: toNamed(batch.queues),
    skills: toNamed(listings.skills),
    locations: toNamed(listings.locations),
    users,
    phones
  };
}
var emailKey = (email) => email.trim().toLowerCase();
async function readForBatch(client, need) {
  const { authorization, routing } = client;
  const emails = [...new Set(need.emails.map(emailKey).filter(Boolean))];
  const rolesRead = pageAll(
    (pageNumber, pageSize) => authorization.getAuthorizationRoles({ pageNumber, pageSize }),
    PAGE_SIZE.roles
  ).then(toRoles);
  const queuesRead = pageAll(
    (pageNumber, pageSize) => routing.getRoutingQueues({ pageNumber, pageSize }),
    PAGE_SIZE.queues
  );
  const homeRead = authorization.getAuthorizationDivisionsHome();
  const usersRead = Promise.all([readUsers(client, emails), homeRead]).then(
    ([users2, home2]) => completeUsers(client, users2, home2.id ?? "", need.decidingFields)
  );
  const owners = new Set(need.phoneOwners.map(emailKey));
  const access = readAccess(client, need, owners, { roles: rolesRead, queues: queuesRead, users: usersRead });
  const batchPhones2 = readBatchPhones(client, need, owners, usersRead);
  const countryRead = need.workPhones ? client.organization.getOrganizationsMe().then((org) => org.defaultCountryCode ?? null) : Promise.resolve(null);
  const [home, roles, queues, users, grants, members, kept, stations, defaultCountryCode] = await Promise.all(
    [
      homeRead,
      rolesRead,
      queuesRead,
      usersRead,
      access.grants,
      access.members,
      batchPhones2.kept,
      batchPhones2.stations,
      countryRead
    ]
  );
  return {
    homeDivisionId: home.id ?? "",
    roles,
    queues,
    users,
    grants,
    members,
    kept,
    stations,
    defaultCountryCode
  };
}
function readAccess(client, need, owners, reads) {
  const updated = /* @__PURE__ */ new Set([...need.peopleEmails.map(emailKey), ...owners]);
  const liveRead = reads.users.then(
    (users) => users.some((user) => user.state !== "deleted" && updated.has(emailKey(user.email)))
  );
  return {
    grants: Promise.all([reads.roles, liveRead]).then(
      ([roles, live]) => live ? readGrants(client, named(roles, need.roleNames)) : []
    ),
    members: Promise.all([reads.queues, liveRead]).then(
      ([queues, live]) => live ? readMembers(client, named(queues, need.queueNames)) : []
    )
  };
}
function readBatchPhones(client, need, owners, usersRead) {
  const phonesRead = need.phoneNames.length > 0 ? listPhones(client, need.phoneNames) : Promise.resolve([]);
  const kept = Promise.all([phonesRead, usersRead]).then(
    ([phones, users]) => keptPhones(
      phones,
      need.phoneNames,
      new Set(users.filter((user) => owners.has(emailKey(user.email))).map((user) => user.id))
    )
  );
  const stations = kept.then(
    (phones) => phones.length > 0 ? pageAll(
      (pageNumber, pageSize) => client.stations.getStations({ pageNumber, pageSize }),
      PAGE_SIZE.stations
    ) : []
  );
  return { kept, stations };
}
async function readListings(client) {
  const { authorization, routing, telephony } = client;
  const [divisions, sites, baseSettings, skills, locations] = await Promise.all([
    pageAll(
      (pageNumber, pageSize) => authorization.getAuthorizationDivisions({ pageNumber, pageSize }),
      PAGE_SIZE.divisions
    ),
    pageAll(
      (pageNumber, pageSize) => telephony.getTelephonyProvidersEdgesSites({ pageNumber, pageSize }),
      PAGE_SIZE.sites
    ),
    readBaseSettings(client),
    pageAll((pageNumber, pageSize) => routing.getRoutingSkills({ pageNumber, pageSize }), PAGE_SIZE.skills),
    pageAll(
      (pageNumber, pageSize) => client.locations.getLocations({ pageNumber, pageSize }),
      PAGE_SIZE.locations
    )
  ]);
  return { divisions, sites, baseSettings, skills, locations };
}
async function listPhones(client, phoneNames) {
  const names2 = new Set(phoneNames.map(normalise));
  return pageAll(
    (pageNumber, pageSize) => phonesPage(client, pageNumber, pageSize),
    PAGE_SIZE.phones,
    void 0,
    (page) => livePhones(page).filter((phone) => phone.id && (names2.has(normalise(phone.name)) || phone.webRtcUser?.id)).map(planFields)
  );
}
function planFields(phone) {
  return {
    id: phone.id,
    name: phone.name,
    ...phone.site?.id ? { site: { id: phone.site.id } } : {},
    ...phone.phoneBaseSettings?.id ? { phoneBaseSettings: { id: phone.phoneBaseSettings.id } } : {},
    ...phone.webRtcUser?.id ? { webRtcUser: { id: phone.webRtcUser.id } } : {},
    ...phone.lines ? { lines: phone.lines.map((line) => ({ id: line.id })) } : {}
  };
}
function livePhones(phones) {
  return phones.filter((phone) => phone.state !== "deleted");
}
function toRoles(roles) {
  return roles.flatMap(
    (role) => role.id ? [{ id: role.id, name: role.name ?? "", permissions: rolePermissions(role) }] : []
  );
}
async function completeUsers(client, users, homeDivisionId, decidingFields) {
  const fieldsOf = (user) => decidingFields[emailOf(user)] ?? [];
  const { read } = await rereadDropped(client, users, USER_EXPAND, fieldsOf);
  return read.map(({ user, byId }) => toSnapshotUser(user, homeDivisionId, byId));
}
var IDS_PER_CALL = 100;
var LIST_ROUNDS = 3;
var LIST_FROM = 3;
async function rereadDropped(client, users, expand, fieldsOf) {
  const read = users.map((user) => ({ user, byId: false }));
  const calls = { listings: 0, singles: 0 };
  const pending = () => read.flatMap(
    (entry, index) => entry.user.id && entry.user.state !== "deleted" && droppedExpand(entry.user, fieldsOf(entry.user)) ? [index] : []
  );
  let left = pending();
  for (let round = 0; round < LIST_ROUNDS && left.length >= LIST_FROM; round++) {
    const ids = left.map((index) => read[index]?.user.id ?? "");
    const chunks2 = [];
    for (let i = 0; i < ids.length; i += IDS_PER_CALL) chunks2.push(ids.slice(i, i + IDS_PER_CALL));
    calls.listings += chunks2.length;
    const listed3 = await Promise.all(
      chunks2.map(
        (id) => client.users.getUsers({ id, state: "any", expand, pageSize: IDS_PER_CALL, pageNumber: 1 })
      )
    );
    const byId = new Map(listed3.flatMap((page) => page.entities ?? []).map((user) => [user.id, user]));
    for (const index of left) {
      const entry = read[index];
      const again = entry && byId.get(entry.user.id);
      if (entry && again) entry.user = again;
    }
    const before = left.length;
    left = pending();
    if (left.length > before / 2) return { read, calls };
  }
  calls.singles = left.length;
  await Promise.all(
    left.map(async (index) => {
      const entry = read[index];
      if (!entry?.user.id) return;
      read[index] = { user: await client.users.getUser(entry.user.id, { expand }), byId: true };
    })
  );
  return { read, calls };
}
function droppedExpand(user, fields) {
  return fields.some((field2) => user[field2] === void 0);
}
function ownersToCheck(users, phoneOwners, roles, phones) {
  if (!anyPermissions(roles)) return [];
  const owners = new Set(phoneOwners.map((email) => email.trim().toLowerCase()));
  return users.filter((user) => {
    if (user.state === "deleted" || user.grantsComplete || !owners.has(user.email.trim().toLowerCase()))
      return false;
    const isDefault = phones.some(
      (phone) => phone.webRtcUserId === user.id && phone.stationId !== null && phone.stationId === user.defaultStationId
    );
    if (isDefault) return false;
    const held = user.grants.map((grant) => grant.roleId);
    return !rolesGrant(roles, held, DEFAULT_PHONE_PERMISSION);
  });
}
async function readOwnerGrants(client, owners) {
  await Promise.all(
    owners.map(async (user) => {
      const subject = await client.authorization.getAuthorizationSubject(user.id);
      user.grants = subjectGrants(subject);
      user.grantsComplete = true;
    })
  );
}
function subjectGrants(subject) {
  return (subject.grants ?? []).flatMap(
    (grant) => grant.role?.id && grant.division?.id ? [{ roleId: grant.role.id, divisionId: grant.division.id }] : []
  );
}
async function loadUsers(client, emails, options = {}) {
  const wanted = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
  const [home, users] = await Promise.all([
    client.authorization.getAuthorizationDivisionsHome(),
    readUsers(client, wanted, INVITE_EXPAND)
  ]);
  const homeDivisionId = home.id ?? "";
  const confirm = options.confirmWelcome ?? true;
  return Promise.all(
    users.map(async (user) => {
      const mapped = toSnapshotUser(user, homeDivisionId);
      if (!confirm || !user.id || !welcomeUnknown(mapped)) return mapped;
      return toSnapshotUser(
        await client.users.getUser(user.id, { expand: INVITE_EXPAND }),
        homeDivisionId,
        true
      );
    })
  );
}
var INVITE_EXPAND = ["dateWelcomeSent", "dateLastLogin"];
function welcomeUnknown(user) {
  return user.state === "active" && !user.welcomeKnown && user.dateLastLogin === null;
}
async function readUsers(client, emails, expand = USER_EXPAND) {
  const list = (state) => (pageNumber, pageSize) => client.users.getUsers({
    pageNumber,
    pageSize,
    state,
    // Deleted users only block their email: nothing else about them is needed.
    ...state === "deleted" ? {} : { expand }
  });
  const counts = {};
  const first = {};
  const probe = async (states) => {
    const read = await Promise.all(states.map((state) => list(state)(1, PAGE_SIZE.users)));
    read.forEach((page, index) => {
      const state = states[index];
      first[state] = page;
      counts[state] = page.total ?? (page.pageCount ?? 1) * PAGE_SIZE.users;
    });
  };
  for (; ; ) {
    const step = chooseUserStrategy(emails.length, counts);
    if (step === "none") return [];
    if (step === "search") return pickPerEmail(await searchUsers(client, emails, expand));
    if (step === "probe-active") await probe(["active"]);
    else if (step === "probe-others") await probe(["inactive", "deleted"]);
    else {
      const states = ["active", "inactive", "deleted"];
      const wanted = new Set(emails);
      const all = await Promise.all(
        states.map(
          (state) => pageAll(
            list(state),
            PAGE_SIZE.users,
            first[state],
            (users) => users.filter((user) => wanted.has(emailOf(user)))
          )
        )
      );
      return pickPerEmail(all.flat());
    }
  }
}
async function searchUsers(client, emails, expand) {
  const chunks2 = [];
  for (let i = 0; i < emails.length; i += PAGE_SIZE.userSearch)
    chunks2.push(emails.slice(i, i + PAGE_SIZE.userSearch));
  const results = await Promise.all(
    chunks2.map(
      (chunk) => pageAll(async (pageNumber, pageSize) => {
        const response = await client.users.postUsersSearch({
          pageNumber,
          pageSize,
          expand,
          query: [
            { type: "EXACT", fields: ["email"], values: chunk },
            // Without this, search leaves deleted users out, and their emails must be reported as taken.
            { type: "EXACT", fields: ["state"], values: ["active", "inactive", "deleted"] }
          ]
        });
        return { entities: response.results ?? [], pageCount: response.pageCount, total: response.total };
      }, PAGE_SIZE.userSearch)
    )
  );
  return results.flat();
}
var STATE_RANK = { active: 0, inactive: 1, deleted: 2 };
function pickPerEmail(users) {
  const best = /* @__PURE__ */ new Map();
  for (const user of users) {
    const email = emailOf(user);
    const current = best.get(email);
    if (!current || (STATE_RANK[user.state ?? ""] ?? 3) < (STATE_RANK[current.state ?? ""] ?? 3))
      best.set(email, user);
  }
  return [...best.values()];
}
function emailOf(user) {
  return (user.email ?? "").trim().toLowerCase();
}
async function readGrants(client, roles) {
  const perRole = await Promise.all(
    roles.map(async (role) => {
      const subjects = await pageAll(
        (pageNumber, pageSize) => client.authorization.getAuthorizationRoleSubjectgrants(role.id, { pageNumber, pageSize }),
        PAGE_SIZE.subjectGrants
      );
      return userGrants(role, subjects);
    })
  );
  return perRole.flat();
}
function userGrants(role, subjects) {
  return subjects.filter((subject) => subject.id && (subject.type === void 0 || subject.type === "PC_USER")).flatMap(
    (subject) => (subject.divisions ?? []).flatMap(
      (division) => division.id ? [{ subjectId: subject.id, grant: { roleId: role.id, divisionId: division.id } }] : []
    )
  );
}
async function readMembers(client, queues) {
  const perQueue = await Promise.all(
    queues.map(async (queue) => {
      const members = await pageAll(
        (pageNumber, pageSize) => client.routing.getRoutingQueueMembers(queue.id, { pageNumber, pageSize, memberBy: "user" }),
        PAGE_SIZE.queueMembers
      );
      return queueMemberships(queue, members);
    })
  );
  return perQueue.flat();
}
function queueMemberships(queue, members) {
  return members.flatMap((member) => {
    const userId = member.user?.id ?? member.id;
    return userId ? [{ userId, queueId: queue.id }] : [];
  });
}
async function readBaseSettings(client) {
  const listed3 = await pageAll(
    (pageNumber, pageSize) => client.telephony.getTelephonyProvidersEdgesPhonebasesettings({
      pageNumber,
      pageSize,
      expand: ["lines"]
    }),
    PAGE_SIZE.phoneBaseSettings
  );
  const complete = await Promise.all(
    listed3.map(
      (base2) => base2.id && (!base2.lines || base2.lines.length === 0) && base2.phoneMetaBase?.id !== void 0 ? client.telephony.getTelephonyProvidersEdgesPhonebasesetting(base2.id) : Promise.resolve(base2)
    )
  );
  return toBaseSettings(complete);
}
function toBaseSettings(listed3) {
  return listed3.filter((base2) => base2.id).map((base2) => ({
    id: base2.id,
    name: base2.name,
    webRtc: base2.phoneMetaBase?.id === WEBRTC_META_BASE,
    lineBaseSettingsId: base2.lines?.[0]?.id ?? null
  }));
}
function toSnapshotUser(user, homeDivisionId, byId = false) {
  const addresses = (user.addresses ?? []).map(toContact);
  const work = addresses.find(isWorkPhone);
  const { number, extension } = work ? readWorkPhone(work) : { number: "", extension: "" };
  return {
    id: user.id ?? "",
    name: user.name ?? "",
    email: user.email ?? "",
    state: user.state === "inactive" || user.state === "deleted" ? user.state : "active",
    version: user.version,
    divisionId: user.division?.id ?? homeDivisionId,
    title: user.title ?? "",
    department: user.department ?? "",
    // A number written internationally (`+1 215-555-0110` in `display`) is kept as E.164 (`+12155550110`).
    phoneWork: number.startsWith("+") ? toE164(number, null) ?? number : number,
    extension,
    addresses,
    managerId: user.manager?.id ?? null,
    locationIds: (user.locations ?? []).flatMap((location) => {
      const id = location.locationDefinition?.id ?? location.id;
      return id ? [id] : [];
    }),
    grants: [],
    grantsComplete: false,
    queueIds: [],
    skills: (user.skills ?? []).flatMap(
      (skill) => skill.id ? [{ skillId: skill.id, proficiency: skill.proficiency ?? 0 }] : []
    ),
    defaultStationId: user.station?.defaultStation?.id ?? null,
    dateWelcomeSent: user.dateWelcomeSent ?? null,
    dateLastLogin: user.dateLastLogin ?? null,
    welcomeKnown: byId || user.dateWelcomeSent !== void 0
  };
}
function toContact(contact) {
  const kept = {};
  for (const key of ["address", "display", "mediaType", "type", "extension", "countryCode"]) {
    const value = contact[key];
    if (value !== void 0) kept[key] = value;
  }
  return kept;
}
function keptPhones(phones, phoneNames, userIds) {
  const names2 = new Set(phoneNames.map(normalise));
  return phones.filter(
    (phone) => phone.id && (names2.has(normalise(phone.name)) || userIds.has(phone.webRtcUser?.id ?? ""))
  );
}
function toSnapshotPhones(phones, stations) {
  const stationByLine = /* @__PURE__ */ new Map();
  const stationByWebRtcUser = /* @__PURE__ */ new Map();
  for (const station of stations) {
    if (!station.id) continue;
    if (station.lineAppearanceId) stationByLine.set(station.lineAppearanceId, station.id);
    if (station.webRtcUserId) stationByWebRtcUser.set(station.webRtcUserId, station.id);
  }
  return phones.flatMap((phone) => {
    if (!phone.id) return [];
    const webRtcUserId = phone.webRtcUser?.id ?? null;
    const byLine = (phone.lines ?? []).map((line) => stationByLine.get(line.id ?? "")).find(Boolean);
    return [
      {
        id: phone.id,
        name: phone.name,
        siteId: phone.site?.id ?? "",
        baseSettingsId: phone.phoneBaseSettings?.id ?? "",
        webRtcUserId,
        stationId: byLine ?? (webRtcUserId ? stationByWebRtcUser.get(webRtcUserId) ?? null : null)
      }
    ];
  });
}
function normalise(name) {
  return (name ?? "").trim().replace(/\s+/g, " ").toLowerCase();
}
function named(entities, names2) {
  const wanted = new Set(names2.map(normalise));
  return toNamed(entities).filter((entity) => wanted.has(normalise(entity.name)));
}
function toNamed(entities) {
  return entities.flatMap((entity) => entity.id ? [{ id: entity.id, name: entity.name ?? "" }] : []);
}

// src/apply/org.ts
function userRecordOf(user) {
  const {
    id,
    version,
    state,
    divisionId,
    name,
    email,
    title,
    department,
    addresses,
    managerId,
    locationIds
  } = user;
  return {
    id,
    version,
    state,
    divisionId,
    name,
    email,
    title,
    department,
    addresses,
    managerId,
    locationIds
  };
}

// src/genesys/writer.ts
var USER_EXPAND2 = ["locations"];
function orgWriter(client, homeDivisionId) {
  return {
    ...locationWrites(client),
    ...userWrites(client, homeDivisionId),
    ...accessWrites(client),
    ...phoneWrites(client)
  };
}
function locationWrites(client) {
  return {
    async createLocation(name) {
      const location = await client.locations.postLocations({ name });
      return location.id ?? "";
    },
    async findLocation(name) {
      const found = await client.locations.postLocationsSearch({
        pageSize: 25,
        query: [{ type: "EXACT", fields: ["name"], value: name }]
      });
      return found.results?.find((location) => location.name === name)?.id ?? null;
    }
  };
}
function userWrites(client, homeDivisionId) {
  const record = (user) => userRecordOf(toSnapshotUser(user, homeDivisionId));
  return {
    async createUser(user) {
      return record(await client.users.postUsers({ ...user }));
    },
    async findUserByEmail(email) {
      const found = await client.users.postUsersSearch({
        pageSize: 25,
        expand: USER_EXPAND2,
        query: [
          { type: "EXACT", fields: ["email"], value: email },
          { type: "EXACT", fields: ["state"], values: ["active", "inactive", "deleted"] }
        ]
      });
      const users = (found.results ?? []).filter((user2) => user2.email?.toLowerCase() === email.toLowerCase());
      const user = users.find((u) => u.state !== "deleted") ?? users[0];
      return user ? record(user) : null;
    },
    async getUser(id) {
      return record(await client.users.getUser(id, { expand: USER_EXPAND2 }));
    },
    async defaultCountryCode() {
      return (await client.organization.getOrganizationsMe()).defaultCountryCode ?? null;
    },
    async patchUser(id, version, update) {
      const { managerId, locationIds, ...fields } = update;
      const body = { ...fields, version };
      if (managerId !== void 0) body.manager = managerId;
      if (locationIds !== void 0) body.locations = locationIds.map((locationId) => ({ id: locationId }));
      return record(await client.users.patchUser(id, body));
    }
  };
}
function accessWrites(client) {
  return {
    async moveUsers(divisionId, userIds) {
      await client.authorization.postAuthorizationDivisionObject(divisionId, "USER", userIds);
    },
    async addGrants(userId, grants) {
      await client.authorization.postAuthorizationSubjectBulkadd(
        userId,
        { grants },
        { subjectType: "PC_USER" }
      );
    },
    async grantRole(roleId, divisionIds, userIds) {
      await client.authorization.postAuthorizationRole(
        roleId,
        { subjectIds: userIds, divisionIds },
        { subjectType: "PC_USER" }
      );
    },
    async addQueueMembers(queueId, userIds) {
      await client.routing.postRoutingQueueMembers(
        queueId,
        userIds.map((id) => ({ id })),
        { _delete: false }
      );
    },
    async setSkills(userId, skills) {
      await client.users.patchUserRoutingskillsBulk(
        userId,
        skills.map((skill) => ({ id: skill.skillId, proficiency: skill.proficiency }))
      );
    }
  };
}
function phoneWrites(client) {
  return {
    async createPhone(phone) {
      const created = await client.telephony.postTelephonyProvidersEdgesPhones({
        name: phone.name,
        site: { id: phone.siteId },
        phoneBaseSettings: { id: phone.baseSettingsId },
        lines: [{ name: `${phone.name}_1`, lineBaseSettings: { id: phone.lineBaseSettingsId } }],
        webRtcUser: { id: phone.webRtcUserId }
      });
      return phoneRecord(created);
    },
    findPhoneByName: (name) => firstPhone(client, { name }),
    findPhoneByUser: (userId) => firstPhone(client, { webRtcUserId: userId }),
    async findStation(userId) {
      const page = await client.stations.getStations({ webRtcUserId: userId, pageSize: 25, pageNumber: 1 });
      return page.entities?.find((station) => station.webRtcUserId === userId)?.id ?? null;
    },
    async listStations(pageNumber, pageSize) {
      const page = await client.stations.getStations({ pageNumber, pageSize });
      return {
        stations: (page.entities ?? []).flatMap(
          (station) => station.id ? [{ id: station.id, webRtcUserId: station.webRtcUserId ?? null }] : []
        ),
        pageCount: page.pageCount ?? 1
      };
    },
    async setDefaultStation(userId, stationId) {
      await client.users.putUserStationDefaultstationStationId(userId, stationId);
    }
  };
}
function phoneRecord(phone) {
  return { id: phone.id ?? "", name: phone.name ?? "", webRtcUserId: phone.webRtcUser?.id ?? null };
}
async function firstPhone(client, opts) {
  const page = await phonesPage(client, 1, 25, opts);
  const phones = (page.entities ?? []).filter(
    (phone) => phone.state !== "deleted" && (opts.name === void 0 || phone.name === opts.name) && (opts.webRtcUserId === void 0 || phone.webRtcUser?.id === opts.webRtcUserId)
  );
  return phones[0] ? phoneRecord(phones[0]) : null;
}
function orgInviter(client) {
  return {
    async invite(userId, force) {
      await client.users.postUserInvite(userId, { force });
    }
  };
}

// src/csv/yaml.ts
var import_yaml = __toESM(require_dist(), 1);
import { isUtf8 as isUtf82 } from "node:buffer";

// src/csv/read.ts
import { isUtf8 } from "node:buffer";

// node_modules/csv-parse/lib/api/CsvError.js
var CsvError = class _CsvError extends Error {
  constructor(code2, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code2;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString(options.encoding) : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-parse/lib/utils/is_object.js
var is_object = function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};

// node_modules/csv-parse/lib/api/normalize_columns_array.js
var normalize_columns_array = function(columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === void 0 || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal"
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`
      ]);
    }
  }
  return normalizedColumns;
};

// node_modules/csv-parse/lib/utils/ResizeableBuffer.js
var ResizeableBuffer = class {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
};
var ResizeableBuffer_default = ResizeableBuffer;

// node_modules/csv-parse/lib/api/init_state.js
var init_state = function(options) {
  const timchars = [
    // Basic Latin
    32,
    // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    9,
    // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    10,
    // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    13,
    // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    12,
    // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    11,
    // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    160,
    // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    5760,
    // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    8192,
    // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    8193,
    // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    8194,
    // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    8195,
    // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    8196,
    // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    8197,
    // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    8198,
    // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    8199,
    // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    8200,
    // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    8201,
    // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    8202,
    // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    8232,
    // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    8233,
    // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    8239,
    // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    8287,
    // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    12288,
    // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    65279
    // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding
    );
    if (codepoint !== 63 && encoded.length === 1 && encoded[0] === 63) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: void 0,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: void 0,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote: Buffer.isBuffer(options.escape) && Buffer.isBuffer(options.quote) && Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns) ? options.columns.length : void 0,
    field: new ResizeableBuffer_default(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      ...options.delimiter ? options.delimiter.map((delimiter) => delimiter.length) : [],
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      ...timchars.map((t) => t.length)
    ),
    previousBuf: void 0,
    quoting: false,
    stop: false,
    rawBuffer: new ResizeableBuffer_default(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("	", options.encoding)[0]
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars,
    timcharFirstBytes
  };
};

// node_modules/csv-parse/lib/utils/underscore.js
var underscore = function(str) {
  return str.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
};

// node_modules/csv-parse/lib/api/normalize_options.js
var normalize_options = function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  if (options.encoding === void 0 || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (typeof options.encoding !== "string" && options.encoding !== null) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`
      ],
      options
    );
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`
      ],
      options
    );
  }
  options.cast_function = null;
  if (options.cast === void 0 || options.cast === null || options.cast === false || options.cast === "") {
    options.cast = void 0;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`
      ],
      options
    );
  }
  if (options.cast_date === void 0 || options.cast_date === null || options.cast_date === false || options.cast_date === "") {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function(value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`
      ],
      options
    );
  }
  options.cast_first_line_to_header = void 0;
  if (options.columns === true) {
    options.cast_first_line_to_header = void 0;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (options.columns === void 0 || options.columns === null || options.columns === false) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`
      ],
      options
    );
  }
  if (options.group_columns_by_name === void 0 || options.group_columns_by_name === null || options.group_columns_by_name === false) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`
      ],
      options
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated."
      ],
      options
    );
  }
  if (options.comment === void 0 || options.comment === null || options.comment === false || options.comment === "") {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`
        ],
        options
      );
    }
  }
  if (options.comment_no_infix === void 0 || options.comment_no_infix === null || options.comment_no_infix === false) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`
      ],
      options
    );
  }
  if (options.delimiter_auto === void 0 || options.delimiter_auto === null || options.delimiter_auto === false) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`
      ],
      options
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === void 0)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["	".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`
        ],
        options
      );
    }
    if (options.delimiter_auto.score === void 0)
      options.delimiter_auto.score = (info, options2) => {
        return (info.total - info.std) * (options2.preferred[info.char_code] || 1);
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`
        ],
        options
      );
    }
    if (options.delimiter_auto.size === void 0)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`
        ],
        options
      );
    }
  }
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (options.delimiter === void 0 || options.delimiter === null || options.delimiter === false) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function(delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`
        ],
        options
      );
    }
    return delimiter;
  });
  if (options.escape === void 0 || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`
      );
    }
  }
  if (options.from === void 0 || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`
      );
    }
  }
  if (options.from_line === void 0 || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (typeof options.from_line === "string" && /\d+/.test(options.from_line)) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`
      );
    }
  }
  if (options.ignore_last_delimiters === void 0 || options.ignore_last_delimiters === null) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`
      ],
      options
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option"
      ],
      options
    );
  }
  if (options.info === void 0 || options.info === null || options.info === false) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`
    );
  }
  if (options.max_record_size === void 0 || options.max_record_size === null || options.max_record_size === false) {
    options.max_record_size = 0;
  } else if (Number.isInteger(options.max_record_size) && options.max_record_size >= 0) {
  } else if (typeof options.max_record_size === "string" && /\d+/.test(options.max_record_size)) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`
    );
  }
  if (options.objname === void 0 || options.objname === null || options.objname === false) {
    options.objname = void 0;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
  } else if (typeof options.objname === "number") {
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`
    );
  }
  if (options.objname !== void 0) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field"
        );
      }
    } else {
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index"
        );
      }
    }
  }
  if (options.on_record === void 0 || options.on_record === null) {
    options.on_record = void 0;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`
      ],
      options
    );
  }
  if (options.on_skip !== void 0 && options.on_skip !== null && typeof options.on_skip !== "function") {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`
    );
  }
  if (options.quote === null || options.quote === false || options.quote === "") {
    options.quote = null;
  } else {
    if (options.quote === void 0 || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`
      );
    }
  }
  if (options.raw === void 0 || options.raw === null || options.raw === false) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`
    );
  }
  if (options.record_delimiter === void 0) {
    options.record_delimiter = [];
  } else if (typeof options.record_delimiter === "string" || Buffer.isBuffer(options.record_delimiter)) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`
        ],
        options
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`
      ],
      options
    );
  }
  options.record_delimiter = options.record_delimiter.map(function(rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  if (typeof options.relax_column_count === "boolean") {
  } else if (options.relax_column_count === void 0 || options.relax_column_count === null) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
  } else if (options.relax_column_count_less === void 0 || options.relax_column_count_less === null) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
  } else if (options.relax_column_count_more === void 0 || options.relax_column_count_more === null) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`
    );
  }
  if (typeof options.relax_quotes === "boolean") {
  } else if (options.relax_quotes === void 0 || options.relax_quotes === null) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`
    );
  }
  if (typeof options.skip_empty_lines === "boolean") {
  } else if (options.skip_empty_lines === void 0 || options.skip_empty_lines === null) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`
    );
  }
  if (typeof options.skip_records_with_empty_values === "boolean") {
  } else if (options.skip_records_with_empty_values === void 0 || options.skip_records_with_empty_values === null) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`
    );
  }
  if (typeof options.skip_records_with_error === "boolean") {
  } else if (options.skip_records_with_error === void 0 || options.skip_records_with_error === null) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`
    );
  }
  if (options.rtrim === void 0 || options.rtrim === null || options.rtrim === false) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`
    );
  }
  if (options.ltrim === void 0 || options.ltrim === null || options.ltrim === false) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`
    );
  }
  if (options.trim === void 0 || options.trim === null || options.trim === false) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`
    );
  }
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  if (options.to === void 0 || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`
      );
    }
  }
  if (options.to_line === void 0 || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`
      );
    }
  }
  return options;
};

// node_modules/csv-parse/lib/utils/delimiter_discover.js
var delimiter_discover = function(records, options) {
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records2 = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records2.push(record);
      const close = () => {
      };
      const error = parser.parse(data, true, push, close);
      if (error !== void 0) throw error;
      return records2;
    })(records);
  }
  const info = Array(127).fill().map(() => ({ lines: [] }));
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      const code2 = record.charCodeAt(i);
      if (info[code2].lines[line] === void 0) info[code2].lines[line] = 0;
      info[code2].lines[line]++;
    }
  });
  info.map((info2, i) => {
    info2.char_code = i;
    info2.std = std(info2.lines);
    info2.total = info2.lines.reduce((acc, val) => acc + val, 0);
    info2.preferred = !!options.preferred[i];
    info2.score = options.score(info2, options);
  });
  const result = info.reduce(
    (acc, info2) => acc.score > info2.score ? acc : info2,
    {}
  );
  return String.fromCharCode(result.char_code);
};
var std = function(array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n
  );
};

// node_modules/csv-parse/lib/api/index.js
var isRecordEmpty = function(record) {
  return record.every(
    (field2) => field2 == null || field2.toString && field2.toString().trim() === ""
  );
};
var cr = 13;
var nl = 10;
var boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254])
};
var transform = function(original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0
  };
  const options = normalize_options(original_options);
  return {
    info,
    original_options,
    options,
    state: init_state(options),
    __needMoreData: function(i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote: quote2 } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } = this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0 ? Buffer.from("\r\n", encoding).length : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote2.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote2.length + recordDelimiterMaxLength : 0
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function(nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line
      } = this.options;
      let { comment, escape, quote: quote2, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote
      } = this.state;
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === void 0) {
          delimiterBuf = nextBuf;
        } else if (delimiterBufPrevious !== void 0 && nextBuf === void 0) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        nextBuf = void 0;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto)
            )
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = void 0;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === void 0) {
        if (nextBuf === void 0) {
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== void 0 && nextBuf === void 0) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          if (end === false) {
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding2 in boms) {
            if (boms[encoding2].compare(buf, 0, boms[encoding2].length) === 0) {
              const bomLength2 = boms[encoding2].length;
              this.state.bufBytesStart += bomLength2;
              buf = buf.slice(bomLength2);
              const options2 = normalize_options({
                ...this.original_options,
                encoding: encoding2
              });
              for (const key in options2) {
                this.options[key] = options2[key];
              }
              ({ comment, escape, quote: quote2 } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if ((chr === cr || chr === nl) && this.state.wasRowDelimiter === false) {
          this.state.wasRowDelimiter = true;
        }
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          if (escape !== null && this.state.quoting === true && this.__isEscape(buf, pos, chr) && pos + escape.length < bufLen) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote2.length];
              const isNextChrTrimable = rtrim && this.__isCharTrimable(buf, pos + quote2.length);
              const isNextChrComment = comment !== null && this.__compareBytes(comment, buf, pos + quote2.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote2.length,
                nextChr
              );
              const isNextChrRecordDelimiter = record_delimiter.length === 0 ? this.__autoDiscoverRecordDelimiter(buf, pos + quote2.length) : this.__isRecordDelimiter(nextChr, buf, pos + quote2.length);
              if (escape !== null && this.__isEscape(buf, pos, chr) && this.__isQuote(buf, pos + escape.length)) {
                pos += escape.length - 1;
              } else if (!nextChr || isNextChrDelimiter || isNextChrRecordDelimiter || isNextChrComment || isNextChrTrimable) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote2.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment"
                    ],
                    this.options,
                    this.__infoField()
                  )
                );
                if (err !== void 0) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote2);
                pos += quote2.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                if (relax_quotes === false) {
                  const info2 = this.__infoField();
                  const bom2 = Object.keys(boms).map(
                    (b) => boms[b].equals(this.state.field.toString()) ? b : false
                  ).filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info2.column)} at line ${info2.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom2 ? `(${bom2} bom)` : void 0
                      ],
                      this.options,
                      info2,
                      {
                        field: this.state.field
                      }
                    )
                  );
                  if (err !== void 0) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote2.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos
            );
            if (recordDelimiterLength !== 0) {
              const skipCommentLine = this.state.commenting && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
              } else {
                if (this.state.enabled === false && this.info.lines + (this.state.wasRowDelimiter === true ? 1 : 0) >= from_line) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                if (skip_empty_lines === true && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== void 0) return errField;
                this.info.bytes = this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== void 0) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (comment !== null && (comment_no_infix === false || this.state.record.length === 0 && this.state.field.length === 0)) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== void 0) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (max_record_size !== 0 && this.state.record_length + this.state.field.length > max_record_size) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`
                ],
                this.options,
                this.__infoField()
              )
            );
          }
        }
        const lappend = ltrim === false || this.state.quoting === true || this.state.field.length !== 0 || !this.__isCharTrimable(buf, pos);
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
          if (err !== void 0) return err;
        } else {
          if (this.state.wasQuoting === true || this.state.record.length !== 0 || this.state.field.length !== 0) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== void 0) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== void 0) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function(push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info: info2,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err = columns === false ? new CsvError(
          "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
          [
            "Invalid Record Length:",
            `expect ${this.state.expectedRecordLength},`,
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        ) : new CsvError(
          "CSV_RECORD_INCONSISTENT_COLUMNS",
          [
            "Invalid Record Length:",
            `columns length is ${columns.length},`,
            // rename columns
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        );
        if (relax_column_count === true || relax_column_count_less === true && recordLength < this.state.expectedRecordLength || relax_column_count_more === true && recordLength > this.state.expectedRecordLength) {
          this.info.invalid_field_length++;
          this.state.error = err;
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        if (columns !== false) {
          const obj = {};
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === void 0 || columns[i].disabled) continue;
            if (group_columns_by_name === true && Object.hasOwn(obj, columns[i].name)) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true
              });
            }
          }
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [obj[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? obj : [obj[objname], obj],
              push
            );
            if (err) {
              return err;
            }
          }
        } else {
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [record[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? record : [record[objname], record],
              push
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function(record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers = firstLineToHeaders === void 0 ? record : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`
              ],
              this.options,
              this.__infoField(),
              {
                headers
              }
            )
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function() {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = void 0;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function() {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      if (enabled === false) {
        return this.__resetField();
      }
      let field2 = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field2 = field2.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field2);
        if (err !== void 0) return err;
        field2 = f;
      }
      this.state.record.push(field2);
      if (max_record_size !== 0 && typeof field2 === "string") {
        this.state.record_length += field2.length;
      }
      this.__resetField();
    },
    __resetField: function() {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function(record, push) {
      const { on_record } = this.options;
      if (on_record !== void 0) {
        const info2 = this.__infoRecord();
        try {
          record = on_record.call(null, record, info2);
        } catch (err) {
          return err;
        }
        if (record === void 0 || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function(field2) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      if (isColumns === true && relax_column_count && this.options.columns.length <= this.state.record.length) {
        return [void 0, void 0];
      }
      if (this.state.castField !== null) {
        try {
          const info2 = this.__infoField();
          return [void 0, this.state.castField.call(null, field2, info2)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field2)) {
        return [void 0, parseFloat(field2)];
      } else if (this.options.cast_date !== false) {
        const info2 = this.__infoField();
        return [void 0, this.options.cast_date.call(null, field2, info2)];
      }
      return [void 0, field2];
    },
    __compareBytes: function(sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function(buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      const first = buf[pos];
      if (first === void 0 || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function(buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (ignore_last_delimiters === true && this.state.record.length === this.options.columns.length - 1) {
        return 0;
      } else if (ignore_last_delimiters !== false && typeof ignore_last_delimiters === "number" && this.state.record.length === ignore_last_delimiters - 1) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function(buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function(value) {
      return value - parseFloat(value) + 1 >= 0;
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function(buf, pos) {
      const { quote: quote2 } = this.options;
      if (quote2 === null) return false;
      const l = quote2.length;
      for (let i = 0; i < l; i++) {
        if (quote2[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function(chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function(buf, pos) {
      const { encoding } = this.options;
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding)
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function(msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== void 0) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : void 0
            );
          } catch (err2) {
            return err2;
          }
        }
        return void 0;
      } else {
        return err;
      }
    },
    __infoDataSet: function() {
      return {
        ...this.info,
        columns: this.options.columns
      };
    },
    __infoRecord: function() {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : void 0
      };
    },
    __infoField: function() {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records,
        column: isColumns === true ? columns.length > this.state.record.length ? columns[this.state.record.length].name : null : this.state.record.length,
        quoting: this.state.wasQuoting
      };
    }
  };
};

// node_modules/csv-parse/lib/sync.js
var parse = function(data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? /* @__PURE__ */ Object.create(null) : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === void 0) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {
  };
  const error = parser.parse(data, true, push, close);
  if (error !== void 0) throw error;
  return records;
};

// src/csv/characters.ts
var NAMES = {
  0: "NULL",
  1: "START OF HEADING",
  2: "START OF TEXT",
  3: "END OF TEXT",
  4: "END OF TRANSMISSION",
  5: "ENQUIRY",
  6: "ACKNOWLEDGE",
  7: "BELL",
  8: "BACKSPACE",
  9: "CHARACTER TABULATION (a tab)",
  11: "LINE TABULATION",
  12: "FORM FEED",
  14: "SHIFT OUT",
  15: "SHIFT IN",
  16: "DATA LINK ESCAPE",
  17: "DEVICE CONTROL ONE",
  18: "DEVICE CONTROL TWO",
  19: "DEVICE CONTROL THREE",
  20: "DEVICE CONTROL FOUR",
  21: "NEGATIVE ACKNOWLEDGE",
  22: "SYNCHRONOUS IDLE",
  23: "END OF TRANSMISSION BLOCK",
  24: "CANCEL",
  25: "END OF MEDIUM",
  26: "SUBSTITUTE",
  27: "ESCAPE",
  28: "INFORMATION SEPARATOR FOUR",
  29: "INFORMATION SEPARATOR THREE",
  30: "INFORMATION SEPARATOR TWO",
  31: "INFORMATION SEPARATOR ONE",
  127: "DELETE",
  133: "NEXT LINE",
  8203: "ZERO WIDTH SPACE",
  8204: "ZERO WIDTH NON-JOINER",
  8205: "ZERO WIDTH JOINER",
  8232: "LINE SEPARATOR",
  8233: "PARAGRAPH SEPARATOR",
  8234: "LEFT-TO-RIGHT EMBEDDING",
  8235: "RIGHT-TO-LEFT EMBEDDING",
  8236: "POP DIRECTIONAL FORMATTING",
  8237: "LEFT-TO-RIGHT OVERRIDE",
  8238: "RIGHT-TO-LEFT OVERRIDE",
  8288: "WORD JOINER",
  8294: "LEFT-TO-RIGHT ISOLATE",
  8295: "RIGHT-TO-LEFT ISOLATE",
  8296: "FIRST STRONG ISOLATE",
  8297: "POP DIRECTIONAL ISOLATE",
  65279: "ZERO WIDTH NO-BREAK SPACE (byte order mark)"
};
function codePointName(code2) {
  const hex = code2.toString(16).toUpperCase().padStart(4, "0");
  return `U+${hex} ${NAMES[code2] ?? "CONTROL CHARACTER"}`;
}
var SUSPECT = /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;
var SUSPECT_ALL = new RegExp(SUSPECT.source, "g");
var SUSPECT_IN_FILE = (
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2028-\u202e\u2060\u2066-\u2069\ufeff]/
);
function hasSuspectCharacters(text2) {
  return SUSPECT_IN_FILE.test(text2);
}
function kindOf(code2) {
  if (code2 >= 8234 && code2 <= 8238 || code2 >= 8294 && code2 <= 8297) return "bidi";
  if (code2 === 8203 || code2 === 8204 || code2 === 8205 || code2 === 8288 || code2 === 65279)
    return "zero-width";
  return "control";
}
function visible(value) {
  return quote(value).replace(SUSPECT_ALL, (char) => `<${codePointName(char.charCodeAt(0)).split(" ")[0]}>`);
}
function checkCharacters(value, column) {
  if (!SUSPECT.test(value)) return void 0;
  let warning;
  for (let i = 0; i < value.length; i++) {
    const code2 = value.charCodeAt(i);
    if (!SUSPECT.test(value[i] ?? "")) continue;
    if (code2 === 10 || code2 === 13) continue;
    const kind = kindOf(code2);
    const where2 = `${codePointName(code2)} at character ${i + 1} of ${visible(value)}`;
    if (kind === "zero-width") {
      warning ??= {
        severity: "warning",
        code: "zero-width-character",
        message: `${column} has an invisible ${where2}. It makes this value differ from one that looks the same; delete it unless the spelling needs it.`
      };
      continue;
    }
    return kind === "bidi" ? {
      code: "bidi-control",
      message: `${column} has ${where2}: it reverses or reorders how the text around it is shown, so the value would read differently from what it is. Delete it (retype the cell).`
    } : {
      code: "control-character",
      message: `${column} has the control character ${where2}; Genesys Cloud must not get invisible control characters. Delete it (retype the cell).`
    };
  }
  return warning;
}
function checkLength(value, column, max) {
  if (value.length <= max) return void 0;
  return {
    code: "too-long",
    message: `${column} is ${value.length.toLocaleString("en-US")} characters long; at most ${max} are allowed. Shorten it.`
  };
}

// src/csv/read.ts
var MAX_FILE_BYTES = 10 * 1024 * 1024;
var LF = 10;
var CR = 13;
var NONE = /* @__PURE__ */ new Set();
function headerKey(header) {
  return header.toLowerCase().replace(/[\s_-]+/g, "");
}
var LineCursor = class {
  constructor(bytes) {
    this.bytes = bytes;
  }
  bytes;
  offset = 0;
  line = 1;
  /** 1-based line of the byte at `offset`. */
  at(offset) {
    const { bytes } = this;
    for (; this.offset < offset; this.offset++) {
      const byte = bytes[this.offset];
      if (byte === LF || byte === CR && bytes[this.offset + 1] !== LF) this.line++;
    }
    return this.line;
  }
};
function lineBreaks(cells) {
  let count2 = 0;
  for (const cell of cells) {
    if (!cell.includes("\n") && !cell.includes("\r")) continue;
    for (let i = 0; i < cell.length; i++) {
      const code2 = cell.charCodeAt(i);
      if (code2 === 10 || code2 === 13 && cell.charCodeAt(i + 1) !== 10) count2++;
    }
  }
  return count2;
}
function utf8Length(bytes, i) {
  const lead = bytes[i] ?? 0;
  if (lead < 128) return 1;
  const extra = lead < 194 ? -1 : lead < 224 ? 1 : lead < 240 ? 2 : lead < 245 ? 3 : -1;
  if (extra < 0) return 0;
  const second = bytes[i + 1] ?? 0;
  const [low, high] = lead === 224 ? [160, 191] : lead === 237 ? [128, 159] : lead === 240 ? [144, 191] : lead === 244 ? [128, 143] : [128, 191];
  if (second < low || second > high) return 0;
  for (let k = 2; k <= extra; k++) if (((bytes[i + k] ?? 0) & 192) !== 128) return 0;
  return extra + 1;
}
function invalidUtf8Lines(bytes) {
  const lines = [];
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (byte === LF || byte === CR && bytes[i + 1] !== LF) line++;
    const length = utf8Length(bytes, i);
    if (length === 0 && lines[lines.length - 1] !== line) lines.push(line);
    i += Math.max(length, 1);
  }
  return lines;
}
function looksLikeUtf16(bytes) {
  const [a, b] = [bytes[0], bytes[1]];
  if (a === 255 && b === 254 || a === 254 && b === 255) return true;
  const sample = bytes.subarray(0, 4096);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return zeros * 4 >= sample.length;
}
var SAVE_AS = 'In Excel use File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)"';
var bomLength = (bytes) => bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
function firstContent(bytes) {
  const start = bomLength(bytes);
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== 32 && byte !== 9 && byte !== LF && byte !== CR) return i;
  }
  return -1;
}
function fileProblem(bytes, kind, findings) {
  if (bytes.length > MAX_FILE_BYTES) {
    findings.add(1, null, {
      code: "file-too-large",
      message: `${kind} is larger than the 10 MB limit; split it into several batches.`
    });
    return true;
  }
  if (bytes.length > 0 && looksLikeUtf16(bytes)) {
    findings.add(1, null, {
      code: "utf16-encoding",
      message: `${kind} is saved as UTF-16 ("Unicode Text"), not as CSV UTF-8. ${SAVE_AS}.`
    });
    return true;
  }
  if (!isUtf8(bytes)) {
    const [first = 1, ...more] = invalidUtf8Lines(bytes);
    const others = more.length === 0 ? "" : ` (and ${plural(more.length, "more line")}, e.g. ${more.slice(0, 3).join(", ")})`;
    findings.add(first, null, {
      code: "invalid-utf8",
      message: `${kind} is not saved as UTF-8: line ${first}${others} has characters that cannot be read. ${SAVE_AS}.`
    });
    return true;
  }
  const content = firstContent(bytes);
  if (content < 0) {
    findings.add(1, null, {
      code: "empty-file",
      message: `${kind} is empty; it needs at least the header row and one row of data.`
    });
    return true;
  }
  let start = content;
  while (start > 0 && bytes[start - 1] !== LF && bytes[start - 1] !== CR) start--;
  let end = content;
  while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end++;
  const header = bytes.toString("utf8", start, end);
  if (!header.includes(",") && (header.includes(";") || header.includes("	"))) {
    const delimiter = header.includes(";") ? "semicolons (;)" : "tabs";
    findings.add(new LineCursor(bytes).at(start), null, {
      code: "wrong-delimiter",
      message: `${kind} is separated by ${delimiter}, not commas. ${SAVE_AS}.`
    });
    return true;
  }
  return false;
}
var isBlank = (cells) => cells.every((cell) => cell.trim() === "");
function mapHeader(header, line, spec, findings) {
  const template = spec.columns.join(",");
  const byKey = /* @__PURE__ */ new Map();
  for (const column of spec.columns) byKey.set(headerKey(column), column);
  for (const [alias, column] of Object.entries(spec.aliases ?? {})) byKey.set(headerKey(alias), column);
  const cells = header.map((cell) => cell.trim());
  const positions = cells.map((cell) => cell === "" ? null : byKey.get(headerKey(cell)) ?? null);
  const blank = cells.map((cell) => cell === "");
  const columns = /* @__PURE__ */ new Set();
  for (const column of positions) if (column !== null) columns.add(column);
  if (cells.some((cell) => cell.includes("@")) || columns.size === 0) {
    const shown2 = cells.slice(0, 3).map(quote).join(", ");
    findings.add(line, null, {
      code: "missing-header",
      message: `The first row (${shown2}) is not the header of ${spec.kind}. Add the header row: ${template}.`
    });
    return { positions, blank, columns, fatal: true };
  }
  let fatal = false;
  const seen = /* @__PURE__ */ new Set();
  cells.forEach((cell, i) => {
    const column = positions[i];
    if (cell === "" || column === void 0) return;
    if (column === null) {
      findings.add(line, null, {
        code: "unknown-column",
        message: `${quote(cell)} is not a ${spec.kind} column${didYouMeanSuffix(cell, spec.columns)}. The columns are: ${template}.`
      });
    } else if (seen.has(column)) {
      fatal = true;
      findings.add(line, column, {
        code: "duplicate-column",
        message: `The header has column ${quote(column)} twice (${quote(cell)}); keep one.`
      });
    }
    if (column !== null) seen.add(column);
  });
  for (const column of spec.required) {
    if (seen.has(column)) continue;
    fatal = true;
    findings.add(line, column, {
      code: "missing-column",
      message: `${spec.kind} has no ${quote(column)} column; it is required.`
    });
  }
  return { positions, blank, columns, fatal };
}
function readCsv(content, spec, findings, visit2) {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  if (fileProblem(bytes, spec.kind, findings)) return void 0;
  const checkChars = hasSuspectCharacters(bytes.toString("utf8", bomLength(bytes)));
  const cursor = new LineCursor(bytes);
  let header;
  let stopped = false;
  let delivered = 0;
  let previousEnd = 0;
  let unclosedAt;
  const onRecord = (record, end) => {
    previousEnd = end;
    if (stopped) return;
    const lastLine = cursor.at(end - 1);
    const line = lastLine - lineBreaks(record);
    if (isBlank(record)) return;
    if (!header) {
      header = mapHeader(record, line, spec, findings);
      stopped = header.fatal;
      return;
    }
    const row = toRecord(record, line, header, { spec, findings, checkChars });
    if (!row) return;
    delivered++;
    visit2(row, header.columns);
  };
  parse(bytes, {
    bom: true,
    // Any mix of LF, CRLF and lone CR ends a record; csv-parse would otherwise take the first one it sees.
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    // A stray quote inside a cell is kept as text rather than failing the rest of the file.
    relax_quotes: true,
    // Empty lines are skipped by the parser itself: as records they cost about 30 µs each.
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error?.code !== "CSV_QUOTE_NOT_CLOSED") return void 0;
      let start = previousEnd;
      while (bytes[start] === LF || bytes[start] === CR) start++;
      unclosedAt = cursor.at(start);
      return void 0;
    },
    // Each record is handled here and dropped: the parser keeps nothing.
    on_record: (record, info) => {
      onRecord(record, info.bytes);
      return void 0;
    }
  });
  return endOfFile(header, delivered, stopped ? void 0 : unclosedAt, spec, findings);
}
function toRecord(record, line, header, { spec, findings, checkChars }) {
  if (record.length !== header.positions.length) {
    findings.add(line, null, {
      code: "column-count",
      message: `This row has ${record.length} cells but the header has ${header.positions.length}. A cell that contains a comma must be in double quotes.`
    });
    return void 0;
  }
  const cells = {};
  let unnamed = false;
  for (let i = 0; i < record.length; i++) {
    const column = header.positions[i];
    const value = (record[i] ?? "").trim();
    if (column) cells[column] = value;
    else if (value !== "" && header.blank[i]) unnamed = true;
  }
  if (unnamed) {
    findings.add(line, null, {
      code: "unnamed-column",
      message: "This row has a value in a column whose header cell is blank; name the column or clear the cell."
    });
    return void 0;
  }
  let refused;
  for (const column of header.columns) {
    const value = cells[column] ?? "";
    if (value === "") continue;
    const issue = checkLength(value, column, spec.maxLength[column]) ?? (checkChars ? checkCharacters(value, column) : void 0);
    if (!issue) continue;
    findings.add(line, column, issue);
    if (issue.severity !== "warning") (refused ??= /* @__PURE__ */ new Set()).add(column);
  }
  return { line, cells, refused: refused ?? NONE };
}
function endOfFile(header, delivered, unclosedAt, spec, findings) {
  if (unclosedAt !== void 0) {
    findings.add(unclosedAt, null, {
      code: "unclosed-quote",
      message: 'A double quote (") opened in this row is never closed, so the rest of the file reads as one cell. Close the quote or remove it.'
    });
  }
  if (!header) {
    if (unclosedAt === void 0) {
      findings.add(1, null, { code: "empty-file", message: `${spec.kind} has no header row and no data.` });
    }
    return void 0;
  }
  if (header.fatal) return void 0;
  if (delivered === 0 && findings.kept.length === 0) {
    findings.add(1, null, {
      severity: "warning",
      code: "no-rows",
      message: `${spec.kind} has a header but no rows; nothing will be imported from it.`
    });
  }
  return header.columns;
}

// src/csv/yaml.ts
var MAX_YAML_BYTES = 64 * 1024;
var MAX_YAML_ALIASES = 10;
function lineOfKey(doc, lines, path6) {
  const parent = path6.length > 1 ? doc.getIn(path6.slice(0, -1), true) : doc.contents;
  if (!(0, import_yaml.isMap)(parent)) return 1;
  const pair = parent.items.find((item) => (0, import_yaml.isScalar)(item.key) && item.key.value === path6[path6.length - 1]);
  const offset = (0, import_yaml.isScalar)(pair?.key) ? pair.key.range?.[0] : void 0;
  return offset === void 0 ? 1 : lines.linePos(offset).line;
}
function readYaml(content, file, kind) {
  const size = typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.length;
  if (size > MAX_YAML_BYTES) {
    return {
      finding: finding(file, 1, null, {
        code: "file-too-large",
        message: `${kind} is larger than ${MAX_YAML_BYTES / 1024} KiB, the limit for YAML files; it needs only a few lines. Remove what does not belong in it.`
      })
    };
  }
  if (typeof content !== "string" && !isUtf82(content)) {
    return {
      finding: finding(file, invalidUtf8Lines(content)[0] ?? 1, null, {
        code: "invalid-utf8",
        message: `${kind} is not saved as UTF-8; save it as UTF-8 text.`
      })
    };
  }
  const text2 = (typeof content === "string" ? content : content.toString("utf8")).replace(/^\uFEFF/, "");
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text2, { lineCounter: lines, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const first = yamlError.message.split("\n")[0] ?? "";
    const reason = first.startsWith("Maximum call stack size exceeded") ? "it is nested too deeply" : first.replace(/ at line \d+, column \d+:?$/, "");
    return {
      finding: finding(file, yamlError.linePos?.[0].line ?? 1, null, {
        code: "invalid-yaml",
        message: `${kind} is not valid YAML: ${reason}.`
      })
    };
  }
  let aliases = 0;
  let beyond;
  (0, import_yaml.visit)(doc, {
    Alias(_, node) {
      aliases++;
      if (aliases <= MAX_YAML_ALIASES) return void 0;
      beyond = node.range?.[0] ?? 0;
      return import_yaml.visit.BREAK;
    }
  });
  const tooMany = (offset) => ({
    finding: finding(file, lines.linePos(offset).line, null, {
      code: "too-many-aliases",
      message: `${kind} uses more than ${MAX_YAML_ALIASES} aliases (*name); write the values out instead.`
    })
  });
  if (beyond !== void 0) return tooMany(beyond);
  try {
    return { doc, lines, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    if (error instanceof ReferenceError) return tooMany(0);
    throw error;
  }
}

// src/csv/orgs.ts
var ORGS_FILE = "orgs.yml";
var MAX_STAGES = 3;
var ORG_NAME = /^[a-z][a-z0-9-]{0,29}$/;
var isOrgName = (name) => ORG_NAME.test(name);
var ORG_KEYS = [
  "environment",
  "preview_environment",
  "region",
  "api_url",
  "timezone",
  "after",
  "genesys_org",
  "role_grant_page"
];
var isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
var text = (value) => typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : void 0;
function nameList(value) {
  if (value === null || value === void 0) return [];
  if (typeof value === "string") return value.trim() === "" ? [] : [value.trim()];
  if (Array.isArray(value) && value.every((item) => typeof item === "string"))
    return value.map((item) => item.trim());
  return null;
}
function problem(at3, path6, code2, message) {
  at3.findings.push(finding(at3.file, lineOfKey(at3.doc, at3.lines, path6), path6.join("."), { code: code2, message }));
}
function orgEntry(at3, name, value) {
  const path6 = ["orgs", name];
  if (!ORG_NAME.test(name)) {
    problem(
      at3,
      path6,
      "invalid-org-name",
      `Org name ${quote(name)} must start with a letter and hold only lower-case letters, digits and "-" (at most 30): it names jobs, artifacts and comment sections.`
    );
  }
  if (value !== null && value !== void 0 && !isRecord(value)) {
    problem(
      at3,
      path6,
      "invalid-value",
      `${name} must hold "key: value" lines such as environment: genesys-${name}.`
    );
  }
  const entry = isRecord(value) ? value : {};
  for (const key of Object.keys(entry).filter((key2) => !ORG_KEYS.includes(key2))) {
    problem(
      at3,
      [...path6, key],
      "unknown-key",
      `${quote(key)} is not an orgs.yml key${didYouMeanSuffix(key, ORG_KEYS)}. Allowed for an org: ${ORG_KEYS.join(", ")}.`
    );
  }
  return entry;
}
var API_URL = /^https:\/\/[^\s/]+\/?$|^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/;
function placeOf(at3, name, region, apiUrl) {
  const bad = (message) => problem(at3, ["orgs", name, "api_url"], "invalid-value", message);
  if (region !== void 0 && apiUrl !== void 0)
    bad(`${name} names both region and api_url; give one (api_url only for a proxy or the sandbox).`);
  if (apiUrl !== void 0 && !API_URL.test(apiUrl))
    bad(
      `${name}.api_url ${quote(apiUrl)} must be an https:// base URL such as https://api.mypurecloud.ie (http only on loopback, for the sandbox).`
    );
  return { ...region !== void 0 ? { region } : {}, ...apiUrl !== void 0 ? { apiUrl } : {} };
}
function readOrg(at3, name, value) {
  const entry = orgEntry(at3, name, value);
  const textOf = (key) => {
    const raw = entry[key];
    if (raw === void 0 || raw === null) return void 0;
    const read = text(raw);
    if (read === void 0) problem(at3, ["orgs", name, key], "invalid-value", `${name}.${key} must be text.`);
    return read === "" ? void 0 : read;
  };
  const environment = textOf("environment") ?? name;
  const timezone = textOf("timezone") ?? "UTC";
  if (!isTimeZone(timezone)) {
    problem(
      at3,
      ["orgs", name, "timezone"],
      "invalid-value",
      `${name}.timezone ${quote(timezone)} is not an IANA time zone such as America/New_York or UTC.`
    );
  }
  const after = nameList(entry.after);
  if (after === null)
    problem(
      at3,
      ["orgs", name, "after"],
      "invalid-value",
      `${name}.after must be an org name or a list of them.`
    );
  const genesysOrg = textOf("genesys_org");
  const roleGrantPage = pageOf(at3, name, textOf("role_grant_page"));
  return {
    name,
    environment,
    previewEnvironment: textOf("preview_environment") ?? environment,
    ...placeOf(at3, name, textOf("region"), textOf("api_url")),
    timezone,
    after: after ?? [],
    ...genesysOrg !== void 0 ? { genesysOrg } : {},
    ...roleGrantPage !== void 0 ? { roleGrantPage } : {}
  };
}
function pageOf(at3, name, written2) {
  if (written2 === void 0) return void 0;
  const page = roleGrantPageOf(written2);
  if (page === null) {
    problem(
      at3,
      ["orgs", name, "role_grant_page"],
      "invalid-value",
      `${name}.role_grant_page ${quote(written2)} must be a whole number of subjects per role grant call, 1 to ${MAX_ROLE_GRANT_PAGE} (what gc-onboard probe measured).`
    );
  }
  return page ?? void 0;
}
function stagesOf(at3, orgs) {
  const byName2 = new Map(orgs.map((org) => [org.name, org]));
  for (const org of orgs) {
    for (const name of org.after) {
      if (name === org.name) {
        problem(at3, ["orgs", org.name, "after"], "org-cycle", `${org.name} cannot come after itself.`);
      } else if (!byName2.has(name)) {
        problem(
          at3,
          ["orgs", org.name, "after"],
          "unknown-org",
          `${org.name} comes after ${quote(name)}, which orgs.yml does not name${didYouMeanSuffix(name, byName2.keys())}. Orgs: ${[...byName2.keys()].join(", ")}.`
        );
      }
    }
  }
  const stages = /* @__PURE__ */ new Map();
  const visiting = /* @__PURE__ */ new Set();
  const stageOf = (name, chain) => {
    const known = stages.get(name);
    if (known !== void 0) return known;
    if (visiting.has(name)) {
      const cycle = [...chain.slice(chain.indexOf(name)), name];
      problem(
        at3,
        ["orgs", name, "after"],
        "org-cycle",
        `The promotion order goes round in a circle (${cycle.join(" \u2192 ")}): one org must come first.`
      );
      return 1;
    }
    visiting.add(name);
    const waits = (byName2.get(name)?.after ?? []).filter((other) => other !== name && byName2.has(other));
    const stage = 1 + Math.max(0, ...waits.map((other) => stageOf(other, [...chain, name])));
    visiting.delete(name);
    stages.set(name, stage);
    return stage;
  };
  for (const org of orgs) {
    if (stageOf(org.name, []) > MAX_STAGES) {
      problem(
        at3,
        ["orgs", org.name, "after"],
        "too-many-stages",
        `${org.name} would be stage ${stageOf(org.name, [])} of its promotion order; the workflows run at most ${MAX_STAGES} stages (e.g. test, staging, production). Let orgs of one stage wait for the same org.`
      );
    }
  }
  return stages;
}
function parseOrgs(content, file) {
  const read = readYaml(content, file, ORGS_FILE);
  if ("finding" in read) return { orgs: null, findings: [read.finding] };
  const at3 = { file, doc: read.doc, lines: read.lines, findings: [] };
  const value = read.value;
  const top = isRecord(value) ? value : {};
  for (const key of Object.keys(top)) {
    if (key !== "orgs") {
      problem(
        at3,
        [key],
        "unknown-key",
        `${quote(key)} is not an orgs.yml key${didYouMeanSuffix(key, ["orgs"])}; the file holds orgs: and one entry per org under it.`
      );
    }
  }
  if (!isRecord(top.orgs) || Object.keys(top.orgs).length === 0) {
    problem(
      at3,
      isRecord(value) && "orgs" in value ? ["orgs"] : [],
      "no-orgs",
      `${ORGS_FILE} names no org: write "orgs:" and under it one entry per org (e.g. test: and production: with after: test), or delete the file to use one org.`
    );
    return { orgs: null, findings: at3.findings };
  }
  const entries = Object.entries(top.orgs).map(([name, entry]) => readOrg(at3, name, entry));
  for (const org of entries.length > 1 ? entries.filter((entry) => entry.genesysOrg === void 0) : []) {
    at3.findings.push(
      finding(at3.file, lineOfKey(at3.doc, at3.lines, ["orgs", org.name]), `orgs.${org.name}`, {
        severity: "warning",
        code: "no-genesys-org",
        message: `${org.name} has no genesys_org: set it to the org's name in Genesys Cloud, so that a job whose environment lacks ${org.name}'s secrets (and inherits the repository's) stops instead of reaching another org.`
      })
    );
  }
  const stages = stagesOf(at3, entries);
  const orgs = entries.map((org, index) => ({ org: { ...org, stage: stages.get(org.name) ?? 1 }, index })).sort((a, b) => a.org.stage - b.org.stage || a.index - b.index).map(({ org }) => org);
  return {
    orgs: at3.findings.some((f) => f.severity === "error") ? null : { file, orgs },
    findings: at3.findings
  };
}
function checkBatchOrgs(names2, orgs, place) {
  const at3 = (code2, message) => finding(place.file, place.line, "orgs", { code: code2, message });
  if (orgs === void 0) {
    return [
      at3(
        "no-orgs-file",
        `Batch ${quote(place.batch)} names orgs, but the imports folder has no ${ORGS_FILE}: add one that names them, or remove the orgs key (one org).`
      )
    ];
  }
  if (names2.length === 0) {
    return [
      at3(
        "batch-without-org",
        `Batch ${quote(place.batch)} names no org, so it would go nowhere: name at least one, or remove the orgs key to send it to every org.`
      )
    ];
  }
  return unknownOrgs(
    names2.map((value) => ({ value, line: place.line })),
    orgs,
    { file: place.file, subject: `Batch ${quote(place.batch)} names org` }
  );
}
function unknownOrgs(names2, orgs, at3) {
  if (orgs === null) return [];
  const known = orgs.orgs.map((org) => org.name);
  return names2.filter((name) => !known.includes(name.value)).map(
    (name) => finding(at3.file, name.line, "orgs", {
      code: "unknown-org",
      message: `${at3.subject} ${quote(name.value)}, which ${ORGS_FILE} does not name${didYouMeanSuffix(name.value, known)}. Orgs: ${known.join(", ")}.`
    })
  );
}
function findOrg(orgs, name) {
  const org = orgs.orgs.find((candidate) => candidate.name === name);
  if (org) return org;
  const names2 = orgs.orgs.map((candidate) => candidate.name);
  return `${ORGS_FILE} names no org ${quote(name)}${didYouMeanSuffix(name, names2)}; its orgs: ${names2.join(", ")}.`;
}
function batchTargets(batchOrgs, org) {
  return batchOrgs === void 0 || batchOrgs.includes(org);
}
function importsForOrg(imports, org) {
  if (org === void 0) return imports;
  const batches = imports.batches.filter((batch) => batchTargets(batch.config.orgs, org));
  return batches.length === imports.batches.length ? imports : { ...imports, batches };
}

// src/run/memory.ts
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
var TIDY_FROM_ROWS = 1e3;
var collector;
function fullCollection() {
  if (collector !== void 0) return collector;
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc");
    collector = typeof gc === "function" ? () => gc() : null;
  } catch {
    collector = null;
  }
  return collector;
}
function collectorFor(plan) {
  const rows = plan.batches.reduce((sum, batch) => sum + batch.people.length + batch.phones.length, 0);
  const collect = rows >= TIDY_FROM_ROWS ? fullCollection() : null;
  return collect ? { collectGarbage: collect } : {};
}

// src/imports.ts
import { constants } from "node:fs";
import { lstat, open, readdir } from "node:fs/promises";
import path4 from "node:path";

// src/csv/validate.ts
import path3 from "node:path";

// src/csv/batch-config.ts
import path2 from "node:path";
var TrainingDay = external_exports.string().refine(isCalendarDate);
var UpdateExisting = external_exports.boolean();
var Text = external_exports.string().nullish();
var OrgNames = external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]);
var BatchFile = external_exports.strictObject({
  training_day: TrainingDay.optional(),
  update_existing: UpdateExisting.optional(),
  phone_defaults: external_exports.strictObject({ base_settings: Text, site: Text }).nullish(),
  orgs: OrgNames.nullish()
});
var LenientBatchFile = external_exports.object({
  training_day: TrainingDay.optional().catch(void 0),
  update_existing: UpdateExisting.optional().catch(void 0),
  phone_defaults: external_exports.object({ base_settings: Text.catch(void 0), site: Text.catch(void 0) }).nullish().catch(void 0),
  orgs: OrgNames.nullish().catch(void 0)
}).catch({});
var KEYS = {
  "": ["training_day", "update_existing", "phone_defaults", "orgs"],
  phone_defaults: ["base_settings", "site"]
};
var DEFAULT_BATCH_CONFIG = { updateExisting: true, phoneDefaults: {} };
function toConfig(value) {
  const parsed = LenientBatchFile.parse(value);
  return {
    trainingDay: parsed.training_day,
    updateExisting: parsed.update_existing ?? true,
    phoneDefaults: {
      baseSettings: parsed.phone_defaults?.base_settings || void 0,
      site: parsed.phone_defaults?.site || void 0
    },
    // `orgs:` with nothing after it names no org (an error); leaving the key out means every org.
    ...parsed.orgs !== void 0 ? { orgs: nameList(parsed.orgs) ?? [] } : {}
  };
}
function withDefaultLines(config, lineOf) {
  const { baseSettings, site } = config.phoneDefaults;
  if (baseSettings === void 0 && site === void 0) return config;
  const phoneDefaultLines = {
    ...baseSettings === void 0 ? {} : { baseSettings: lineOf("base_settings") },
    ...site === void 0 ? {} : { site: lineOf("site") }
  };
  return { ...config, phoneDefaultLines };
}
function valueMessage(key, value) {
  const shown2 = value === null ? "nothing" : quote(typeof value === "string" ? value : JSON.stringify(value));
  switch (key) {
    case "training_day":
      return `training_day ${shown2} is not a real calendar date written YYYY-MM-DD, e.g. 2026-12-01.`;
    case "orgs":
      return `orgs must be an org name or a list of them, e.g. [test, production]; got ${shown2}.`;
    case "update_existing":
      return `update_existing must be true or false; got ${shown2}.`;
    case "phone_defaults":
      return "phone_defaults must hold base_settings and site, each on its own indented line.";
    case "":
      return 'batch.yml must hold "key: value" lines such as training_day: 2026-12-01.';
    default:
      return `${key} must be text; got ${shown2}.`;
  }
}
function parseBatchConfig(content, file, orgs) {
  const read = readYaml(content, file, "batch.yml");
  if ("finding" in read) return { config: DEFAULT_BATCH_CONFIG, findings: [read.finding] };
  const { doc, lines } = read;
  const value = read.value ?? {};
  const findings = [];
  const result = BatchFile.safeParse(value);
  for (const issue of result.error?.issues ?? []) {
    if (issue.code === "unrecognized_keys") {
      const parentKey = issue.path.map(String).join(".");
      const allowed = KEYS[parentKey] ?? [];
      for (const key2 of issue.keys) {
        const path6 = [...issue.path, key2];
        findings.push(
          finding(file, lineOfKey(doc, lines, path6), path6.map(String).join("."), {
            code: "unknown-key",
            message: `${quote(key2)} is not a batch.yml key${didYouMeanSuffix(key2, allowed)}. Allowed here: ${allowed.join(", ")}.`
          })
        );
      }
      continue;
    }
    const key = issue.path.map(String).join(".");
    const found = issue.path.reduce(
      (node, part) => node && typeof node === "object" ? node[part] : void 0,
      value
    );
    findings.push(
      finding(file, lineOfKey(doc, lines, issue.path), key === "" ? null : key, {
        code: key === "training_day" ? "invalid-date" : key === "" ? "invalid-batch-config" : "invalid-value",
        message: valueMessage(key, found)
      })
    );
  }
  const config = withDefaultLines(toConfig(value), (key) => lineOfKey(doc, lines, ["phone_defaults", key]));
  if (config.orgs !== void 0) {
    const place = { file, line: lineOfKey(doc, lines, ["orgs"]), batch: path2.basename(path2.dirname(file)) };
    findings.push(...checkBatchOrgs(config.orgs, orgs, place));
  }
  return { config, findings: sortFindings(findings) };
}

// src/csv/people.ts
var PEOPLE_COLUMNS = [
  "name",
  "email",
  "phone_work",
  "extension",
  "title",
  "department",
  "email_manager",
  "location_work",
  "roles_divisions",
  "queues",
  "division",
  "skills",
  "hire_date"
];
var NAME_LENGTH = 255;
var EMAIL_LENGTH = 254;
var PEOPLE_SPEC = {
  kind: "people.csv",
  columns: PEOPLE_COLUMNS,
  required: ["name", "email"],
  maxLength: {
    name: NAME_LENGTH,
    email: EMAIL_LENGTH,
    phone_work: 50,
    extension: 50,
    title: NAME_LENGTH,
    department: NAME_LENGTH,
    email_manager: EMAIL_LENGTH,
    location_work: NAME_LENGTH,
    roles_divisions: 1e4,
    queues: 1e4,
    division: NAME_LENGTH,
    skills: 1e4,
    hire_date: 50
  }
};
var EMPTY = Object.freeze([]);
var CLEARING = [
  ["phone_work", "phoneWork"],
  ["extension", "extension"],
  ["title", "title"],
  ["department", "department"]
];
var LEAVING = [
  ["email_manager", "managerEmail"],
  ["location_work", "location"],
  ["division", "division"],
  ["hire_date", "hireDate"]
];
var NANP_NUMBER = /^\+1[ .-]?(?:\([2-9]\d\d\)|[2-9]\d\d)[ .-]?[2-9]\d\d[ .-]?\d{4}$/;
function checkWorkPhone(value) {
  return NANP_NUMBER.test(value) && isPhoneNumber(value) ? void 0 : checkPhone(value);
}
var CELL_CHECKS = [
  ["email", checkEmail],
  ["email_manager", checkEmail],
  ["phone_work", checkWorkPhone],
  ["extension", checkExtension],
  ["hire_date", checkDate]
];
function parsePeople(content, file, batch) {
  const findings = new FileFindings(file);
  const rows = [];
  const firstLineByEmail = /* @__PURE__ */ new Map();
  readCsv(content, PEOPLE_SPEC, findings, ({ line, cells, refused }, columns) => {
    let rowHasError = refused.size > 0;
    const report = (column, issue) => {
      findings.add(line, column, issue);
      if ((issue.severity ?? "error") === "error") rowHasError = true;
    };
    const usable = usableCells(cells, columns, refused, report);
    checkCells(cells, usable, report);
    const lists = personLists(cells, usable, report);
    checkOnce(line, cells.email ?? "", firstLineByEmail, report);
    if (!rowHasError) rows.push(personRow({ batch, file, line }, cells, lists));
  });
  return { rows, findings: findings.list() };
}
function usableCells(cells, columns, refused, report) {
  const usable = /* @__PURE__ */ new Set();
  for (const column of columns) {
    const value = cells[column] ?? "";
    if (value === "" || refused.has(column)) continue;
    const formula = checkFormula(value, column === "phone_work");
    if (formula) report(column, formula);
    else usable.add(column);
  }
  return usable;
}
function checkCells(cells, usable, report) {
  for (const column of ["name", "email"]) {
    if ((cells[column] ?? "") === "") {
      report(column, { code: "missing-value", message: `${column} is required; this cell is blank.` });
    }
  }
  for (const [column, check] of CELL_CHECKS) {
    const issue = usable.has(column) ? check(cells[column] ?? "") : void 0;
    if (issue) report(column, issue);
  }
}
function personLists(cells, usable, report) {
  const list = (column, parser, empty) => {
    if (!usable.has(column)) return empty;
    const parsed = parser(cells[column] ?? "");
    if ("error" in parsed) {
      report(column, parsed.error);
      return empty;
    }
    for (const warning of parsed.warnings) report(column, warning);
    return parsed.value;
  };
  return {
    roles: list("roles_divisions", parseRoles, EMPTY),
    queues: list("queues", parseQueues, EMPTY),
    skills: list("skills", parseSkills, EMPTY)
  };
}
function checkOnce(line, email, firstLineByEmail, report) {
  if (email === "") return;
  const emailKey2 = email.toLowerCase();
  const first = firstLineByEmail.get(emailKey2);
  if (first === void 0) firstLineByEmail.set(emailKey2, line);
  else {
    report("email", {
      code: "duplicate-email",
      message: `${quote(email)} is already on line ${first} of this file; list each person once.`
    });
  }
}
function personRow(where2, cells, lists) {
  const email = cells.email ?? "";
  const row = {
    batch: where2.batch,
    file: where2.file,
    line: where2.line,
    name: cells.name ?? "",
    email,
    emailKey: email.toLowerCase(),
    roles: lists.roles,
    queues: lists.queues,
    skills: lists.skills
  };
  for (const [column, field2] of CLEARING) {
    const value = cells[column];
    if (value !== void 0) row[field2] = value;
  }
  for (const [column, field2] of LEAVING) {
    const value = cells[column];
    if (value) row[field2] = value;
  }
  return row;
}

// src/csv/phones.ts
var PHONE_COLUMNS = ["phone_name", "base_settings", "site", "email"];
var PHONE_ALIASES = {
  name: "phone_name",
  phone: "phone_name",
  base: "base_settings",
  phone_base_settings: "base_settings",
  site_name: "site",
  user: "email",
  user_email: "email",
  email_address: "email",
  webrtc_user: "email"
};
var PHONES_SPEC = {
  kind: "phones.csv",
  columns: PHONE_COLUMNS,
  required: ["email"],
  aliases: PHONE_ALIASES,
  // Names of things: 255 characters; emails: 254 (RFC 5321).
  maxLength: { phone_name: 255, base_settings: 255, site: 255, email: 254 }
};
function secondPhone(email, earlier) {
  return {
    code: "person-has-two-phones",
    message: `${quote(email)} already has a phone ${earlier}; a person gets one WebRTC phone.`
  };
}
function parsePhones(content, file, batch, config, peopleByEmail) {
  const findings = new FileFindings(file);
  const rows = [];
  const phoneFile = {
    file,
    batch,
    config,
    peopleByEmail,
    firstLineByName: /* @__PURE__ */ new Map(),
    firstLineByEmail: /* @__PURE__ */ new Map()
  };
  readCsv(content, PHONES_SPEC, findings, ({ line, cells, refused }, columns) => {
    let rowHasError = refused.size > 0;
    const report = (column, issue) => {
      findings.add(line, column, issue);
      rowHasError = true;
    };
    const usable = usableCells2(cells, columns, refused, report);
    const row = phoneRow(line, cells, usable, phoneFile, report);
    if (!rowHasError) rows.push(row);
  });
  return { rows, findings: findings.list() };
}
function usableCells2(cells, columns, refused, report) {
  const usable = /* @__PURE__ */ new Set();
  for (const column of columns) {
    const value = cells[column] ?? "";
    if (value === "" || refused.has(column)) continue;
    const formula = checkFormula(value);
    if (formula) report(column, formula);
    else usable.add(column);
  }
  return usable;
}
function phoneRow(line, cells, usable, phoneFile, report) {
  const email = cells.email ?? "";
  const emailKey2 = email.toLowerCase();
  if (email === "") {
    report("email", {
      code: "missing-value",
      message: "email is required: the user whose WebRTC phone this is. This cell is blank."
    });
  } else if (usable.has("email")) {
    const issue = checkEmail(email);
    if (issue) report("email", issue);
  }
  const person = phoneFile.peopleByEmail.get(emailKey2);
  const name = cells.phone_name || person?.name || "";
  const { phoneDefaults } = phoneFile.config;
  const baseSettings = cells.base_settings || phoneDefaults.baseSettings || "";
  const site = cells.site || phoneDefaults.site || "";
  for (const [column, value] of [
    ["base_settings", baseSettings],
    ["site", site]
  ]) {
    if (value !== "") continue;
    report(column, {
      code: "missing-value",
      message: `${column} is blank and batch.yml sets no phone_defaults.${column}; fill the cell or add the default.`
    });
  }
  checkOnce2(line, { name, email }, phoneFile, report);
  const { file, batch } = phoneFile;
  return {
    batch,
    file,
    line,
    name,
    baseSettings,
    site,
    email,
    emailKey: emailKey2,
    personInBatch: person !== void 0
  };
}
function checkOnce2(line, row, phoneFile, report) {
  const nameKey2 = row.name.toLowerCase();
  if (row.name !== "") {
    const first2 = phoneFile.firstLineByName.get(nameKey2);
    if (first2 === void 0) phoneFile.firstLineByName.set(nameKey2, line);
    else {
      report("phone_name", {
        code: "duplicate-phone-name",
        message: `Phone name ${quote(row.name)} is already used on line ${first2}; phone names must be unique.`
      });
    }
  }
  if (row.email === "") return;
  const emailKey2 = row.email.toLowerCase();
  const first = phoneFile.firstLineByEmail.get(emailKey2);
  if (first === void 0) phoneFile.firstLineByEmail.set(emailKey2, line);
  else report("email", secondPhone(row.email, `on line ${first}`));
}

// src/csv/validate.ts
var BATCH_FILES = ["people.csv", "phones.csv", "batch.yml"];
var POLICY_FILE = "policy.yml";
var ROOT_FILES = [POLICY_FILE, ORGS_FILE];
function isBatchFolder(name) {
  return name !== "templates" && !name.startsWith("_") && !name.startsWith(".");
}
function meantFor(name, expected) {
  const lower = name.toLowerCase();
  const [base2, ...extensions] = lower.split(".");
  for (const want of expected) {
    if (lower.startsWith(`${want}.`)) return want;
    if (extensions.length === 1 && base2 === want.slice(0, want.indexOf("."))) return want;
  }
  return didYouMean(name, expected);
}
function refusedFinding({ path: entry, type }) {
  return type === "symlink" ? finding(entry, 1, null, {
    code: "symlink",
    message: `${quote(path3.basename(entry))} is a symbolic link; links under the imports folder are never followed, since they can point outside the repository. Replace it with the file or folder itself.`
  }) : finding(entry, 1, null, {
    code: "not-a-file",
    message: `${quote(path3.basename(entry))} is not a regular file or folder (a pipe, socket or device), so it is not read. Remove it.`
  });
}
function rootFileFindings(other) {
  const base2 = path3.basename(other);
  const rootFile = meantFor(base2, ROOT_FILES);
  if (rootFile) {
    const what = rootFile === POLICY_FILE ? "the policy is" : "the orgs are";
    return [
      finding(other, 1, null, {
        code: "misnamed-file",
        message: `${quote(base2)} is not read (did you mean "${rootFile}"?); ${what} read from ${rootFile} only. Rename it.`
      })
    ];
  }
  const batchFile = meantFor(base2, BATCH_FILES);
  if (!batchFile) return [];
  if (BATCH_FILES.includes(base2)) {
    const root = path3.dirname(other);
    return [
      finding(other, 1, null, {
        code: "imports-is-a-batch",
        message: `${quote(root)} holds ${base2} itself, so it is a batch folder, not the imports folder that holds the batches: point --imports (or the imports input) at ${quote(path3.dirname(root))}, or move the files into a batch folder such as ${path3.join(root, "new-hires", base2)}.`
      })
    ];
  }
  return [
    finding(other, 1, null, {
      code: "misplaced-file",
      message: `${quote(base2)} at the top of the imports folder is not read: a batch is a folder. Move it into one as ${batchFile}, e.g. ${path3.join(path3.dirname(other), "new-hires", batchFile)}.`
    })
  ];
}
function batchFileFinding(other) {
  const base2 = path3.basename(other);
  const batchFile = meantFor(base2, BATCH_FILES);
  if (batchFile) {
    return finding(other, 1, null, {
      code: "misnamed-file",
      message: `${quote(base2)} is not read (did you mean "${batchFile}"?); a batch holds ${BATCH_FILES.join(", ")}, spelled exactly so. Rename it.`
    });
  }
  if (ROOT_FILES.includes(base2)) {
    return finding(other, 1, null, {
      code: "misplaced-file",
      message: `${base2} is read only at the top of the imports folder, not in a batch; move it there.`
    });
  }
  return finding(other, 1, null, {
    severity: "warning",
    code: "unexpected-file",
    message: `${quote(base2)} is not read; a batch holds ${BATCH_FILES.join(", ")}.`
  });
}
var at = (place) => `${place.file} line ${place.line}`;
function batchConfig(file, orgs, findings) {
  if (!file) return DEFAULT_BATCH_CONFIG;
  const result = parseBatchConfig(file.content, file.path, orgs);
  append(findings, result.findings);
  return result.config;
}
function batchPeople(batch, firstPlaces, findings) {
  const { name, files } = batch;
  const byEmail = /* @__PURE__ */ new Map();
  const rows = [];
  if (!files.people) return { rows, byEmail };
  const people = parsePeople(files.people.content, files.people.path, name);
  append(findings, people.findings);
  for (const row of people.rows) {
    if (files.phones) byEmail.set(row.emailKey, row);
    const first = firstPlaces.person.get(row.emailKey);
    if (!first) firstPlaces.person.set(row.emailKey, row);
    if (first && first.batch !== name) {
      findings.push(
        finding(row.file, row.line, "email", {
          code: "duplicate-email-across-batches",
          message: `${quote(row.email)} is also in batch ${quote(first.batch)} (${at(first)}); a person belongs in one row of one batch only: keep one.`
        })
      );
    } else rows.push(row);
  }
  return { rows, byEmail };
}
function batchPhones(batch, config, peopleByEmail, firstPlaces, findings) {
  const { name, files } = batch;
  const rows = [];
  if (!files.phones) return rows;
  const phones = parsePhones(files.phones.content, files.phones.path, name, config, peopleByEmail);
  append(findings, phones.findings);
  for (const row of phones.rows) {
    const nameKey2 = row.name.toLowerCase();
    const sameName = row.name === "" ? void 0 : firstPlaces.phoneName.get(nameKey2);
    const sameOwner = firstPlaces.phoneOwner.get(row.emailKey);
    if (sameName && sameName.batch !== name) {
      findings.push(
        finding(row.file, row.line, "phone_name", {
          code: "duplicate-phone-name",
          message: `Phone name ${quote(row.name)} is also used in batch ${quote(sameName.batch)} (${at(sameName)}); phone names must be unique.`
        })
      );
    } else if (sameOwner && sameOwner.batch !== name) {
      findings.push(
        finding(
          row.file,
          row.line,
          "email",
          secondPhone(row.email, `in batch ${quote(sameOwner.batch)} (${at(sameOwner)})`)
        )
      );
    } else {
      if (row.name !== "") firstPlaces.phoneName.set(nameKey2, row);
      firstPlaces.phoneOwner.set(row.emailKey, row);
      rows.push(row);
    }
  }
  return rows;
}
function validateBatch(batch, root, orgs, firstPlaces, findings) {
  const { name, files, otherFiles = [] } = batch;
  const dir = path3.join(root, name);
  for (const other of otherFiles) findings.push(batchFileFinding(other));
  if (!files.people && !files.phones) {
    findings.push(
      finding(dir, 1, null, {
        code: "empty-batch",
        message: `Batch ${quote(name)} has neither people.csv nor phones.csv, so nothing would be imported from it: add them (imports/templates has both), or rename the folder to _${name} to keep it as a draft.`
      })
    );
  }
  const config = batchConfig(files.batch, orgs, findings);
  const people = batchPeople(batch, firstPlaces, findings);
  const phones = batchPhones(batch, config, people.byEmail, firstPlaces, findings);
  return {
    name,
    dir,
    config,
    files: { people: files.people?.path, phones: files.phones?.path, batch: files.batch?.path },
    people: people.rows,
    phones
  };
}
function validateImportSet(input) {
  const findings = [];
  for (const entry of input.refused ?? []) findings.push(refusedFinding(entry));
  const orgsRead = input.orgs ? parseOrgs(input.orgs.content, input.orgs.path) : void 0;
  append(findings, orgsRead?.findings ?? []);
  const orgs = orgsRead?.orgs;
  for (const other of input.otherFiles ?? []) append(findings, rootFileFindings(other));
  const firstPlaces = { person: /* @__PURE__ */ new Map(), phoneName: /* @__PURE__ */ new Map(), phoneOwner: /* @__PURE__ */ new Map() };
  const batches = input.batches.map((batch) => validateBatch(batch, input.root, orgs, firstPlaces, findings));
  if (input.batches.length === 0 && (input.refused ?? []).length === 0) {
    findings.push(
      finding(input.root, 1, null, {
        severity: "warning",
        code: "no-batches",
        message: `${quote(input.root)} holds no batch: nothing to do. A batch is a folder in it with people.csv and/or phones.csv (folders named templates or starting with _ are not batches).`
      })
    );
  }
  return {
    root: input.root,
    batches,
    findings: sortFindings(findings),
    ...orgs !== void 0 ? { orgs } : {}
  };
}

// src/imports.ts
var NotAFileError = class extends Error {
  constructor(path6, type) {
    super(
      type === "symlink" ? `"${path6}" is a symbolic link; it is not followed.` : `"${path6}" is not a regular file; it is not read.`
    );
    this.path = path6;
    this.type = type;
    this.name = "NotAFileError";
  }
  path;
  type;
};
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
async function readCapped(file, limit = MAX_FILE_BYTES) {
  const handle = await open(file, OPEN_FLAGS).catch((error) => {
    throw error.code === "ELOOP" ? new NotAFileError(file, "symlink") : error;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotAFileError(file, "special");
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
async function readPolicyFile(root) {
  const file = path4.join(root, POLICY_FILE);
  try {
    return { file, content: await readCapped(file, MAX_YAML_BYTES) };
  } catch (error) {
    if (error instanceof NotAFileError || error.code === "ENOENT") {
      return { file, content: null };
    }
    throw error;
  }
}
async function readRootFile(root, name, refused) {
  const file = path4.join(root, name);
  try {
    return { path: file, content: await readCapped(file, MAX_YAML_BYTES) };
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    if (!(error instanceof NotAFileError)) throw error;
    if (!refused.some((entry) => entry.path === file)) refused.push({ path: file, type: error.type });
    return void 0;
  }
}
function refusal(entry, dir) {
  const entryPath = path4.join(dir, entry.name);
  if (entry.isSymbolicLink()) return { path: entryPath, type: "symlink" };
  if (!entry.isFile() && !entry.isDirectory()) return { path: entryPath, type: "special" };
  return void 0;
}
var byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
var isNote = (name) => name.startsWith(".") || name.toLowerCase().endsWith(".md");
var BATCH_LIMITS = {
  "people.csv": MAX_FILE_BYTES,
  "phones.csv": MAX_FILE_BYTES,
  "batch.yml": MAX_YAML_BYTES
};
async function readBatch(root, name, refused) {
  const dir = path4.join(root, name);
  const entries = await readdir(dir, { withFileTypes: true });
  const files = {};
  const otherFiles = [];
  for (const entry of entries.sort(byName)) {
    if (entry.name.startsWith(".")) continue;
    const refuse = refusal(entry, dir);
    if (refuse) {
      refused.push(refuse);
      continue;
    }
    if (!entry.isFile() || isNote(entry.name)) continue;
    const file = path4.join(dir, entry.name);
    const limit = BATCH_LIMITS[entry.name];
    if (limit === void 0) {
      otherFiles.push(file);
      continue;
    }
    let input;
    try {
      input = { path: file, content: await readCapped(file, limit) };
    } catch (error) {
      if (!(error instanceof NotAFileError)) throw error;
      refused.push({ path: file, type: error.type });
      continue;
    }
    if (entry.name === "people.csv") files.people = input;
    else if (entry.name === "phones.csv") files.phones = input;
    else files.batch = input;
  }
  return { name, files, otherFiles };
}
async function loadImports(root, org) {
  return importsForOrg(await loadAll(root), org);
}
async function loadAll(root) {
  const info = await lstat(root).catch(() => void 0);
  if (!info) throw new Error(`The imports folder "${root}" does not exist.`);
  if (info.isSymbolicLink()) {
    return validateImportSet({ root, batches: [], refused: [{ path: root, type: "symlink" }] });
  }
  if (!info.isDirectory())
    throw new Error(`"${root}" is not a folder; --imports needs the folder that holds the batches.`);
  const entries = (await readdir(root, { withFileTypes: true })).sort(byName);
  const refused = [];
  const otherFiles = [];
  const names2 = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const refuse = refusal(entry, root);
    if (refuse) refused.push(refuse);
    else if (entry.isDirectory()) {
      if (isBatchFolder(entry.name)) names2.push(entry.name);
    } else if (!ROOT_FILES.includes(entry.name) && !isNote(entry.name))
      otherFiles.push(path4.join(root, entry.name));
  }
  const batches = [];
  for (const name of names2) batches.push(await readBatch(root, name, refused));
  const orgs = await readRootFile(root, ORGS_FILE, refused);
  return validateImportSet({ root, batches, otherFiles, refused, ...orgs ? { orgs } : {} });
}

// src/plan/need.ts
function snapshotNeed(imports) {
  const emails = /* @__PURE__ */ new Set();
  const peopleEmails = /* @__PURE__ */ new Set();
  const roleNames = /* @__PURE__ */ new Set();
  const queueNames = /* @__PURE__ */ new Set();
  const phoneNames = /* @__PURE__ */ new Set();
  const phoneOwners = /* @__PURE__ */ new Set();
  let workPhones = false;
  const deciding = /* @__PURE__ */ new Map();
  const decides = (email, field2) => {
    const fields = deciding.get(email) ?? /* @__PURE__ */ new Set();
    fields.add(field2);
    deciding.set(email, fields);
  };
  for (const batch of imports.batches) {
    for (const person of batch.people) {
      emails.add(person.emailKey);
      peopleEmails.add(person.emailKey);
      if (person.managerEmail) emails.add(person.managerEmail.toLowerCase());
      for (const grant of person.roles) roleNames.add(grant.role);
      for (const queue of person.queues) queueNames.add(queue);
      if ((person.phoneWork ?? "").trim() !== "") workPhones = true;
      if (person.skills.length > 0) decides(person.emailKey, "skills");
      if (person.location !== void 0) decides(person.emailKey, "locations");
    }
    for (const phone of batch.phones) {
      if (phone.emailKey) emails.add(phone.emailKey);
      if (phone.emailKey) phoneOwners.add(phone.emailKey);
      if (phone.emailKey) decides(phone.emailKey, "station");
      if (phone.name) phoneNames.add(phone.name);
    }
  }
  const sorted = (values) => [...values].sort();
  return {
    emails: sorted(emails),
    peopleEmails: sorted(peopleEmails),
    roleNames: sorted(roleNames),
    queueNames: sorted(queueNames),
    phoneNames: sorted(phoneNames),
    phoneOwners: sorted(phoneOwners),
    workPhones,
    decidingFields: Object.fromEntries(
      [...deciding.keys()].sort().map((email) => [email, [...deciding.get(email) ?? []].sort()])
    )
  };
}

// src/plan/rows.ts
function rowFinding(severity, row, column, code2, message) {
  return { severity, file: row.file, line: row.line, column, code: code2, message };
}
var rowError = (row, column, code2, message) => rowFinding("error", row, column, code2, message);
var rowWarning = (row, column, code2, message) => rowFinding("warning", row, column, code2, message);
function personAsError(person, errors) {
  return {
    ...person,
    action: "error",
    version: null,
    create: null,
    patch: {},
    moveToDivisionId: null,
    manager: null,
    location: null,
    grants: [],
    queueIds: [],
    skills: [],
    changes: [],
    errors: [...person.errors, ...errors],
    warnings: []
  };
}
function phoneAsError(phone, errors) {
  return {
    ...phone,
    action: "error",
    phoneId: null,
    stationId: null,
    changes: [],
    errors: [...phone.errors, ...errors],
    warnings: []
  };
}
var writes2 = (action) => action === "create" || action === "update";

// src/plan/cascade.ts
function checkManagerEmails(drafts, firstByEmail, org) {
  for (const draft of drafts) {
    const { row } = draft;
    if (row.managerEmail === void 0) continue;
    const managerKey2 = managerKeyOf(draft);
    if (managerKey2 === row.emailKey) {
      draft.errors.push(rowError(row, "email_manager", "self-manager", "A person cannot be their own manager"));
      continue;
    }
    if (firstByEmail.has(managerKey2)) continue;
    const match = org.users.match(managerKey2);
    const email = row.managerEmail;
    if (match.kind === "none")
      draft.errors.push(
        rowError(
          row,
          "email_manager",
          "unknown-manager",
          `Manager ${email} is not in the org and not created by this import`
        )
      );
    else if (match.kind === "deleted")
      draft.errors.push(rowError(row, "email_manager", "manager-deleted", `Manager ${email} is a deleted user`));
    else if (match.kind === "ambiguous")
      draft.errors.push(
        rowError(
          row,
          "email_manager",
          "ambiguous-manager",
          `Manager ${email} matches ${match.users.length} users in the org`
        )
      );
  }
}
var managerKeyOf = (draft) => draft.row.managerEmail?.trim().toLowerCase() ?? "";
function reportsByManager(drafts, firstByEmail) {
  const reports = /* @__PURE__ */ new Map();
  drafts.forEach((draft, index) => {
    const key = managerKeyOf(draft);
    if (draft.row.managerEmail === void 0 || key === draft.row.emailKey || !firstByEmail.has(key)) return;
    const list = reports.get(key);
    if (list) list.push(index);
    else reports.set(key, [index]);
  });
  return reports;
}
function managerCascade(drafts, firstByEmail) {
  const reports = reportsByManager(drafts, firstByEmail);
  const reached = /* @__PURE__ */ new Set();
  const wontExist = (plans, index) => drafts[index]?.first === true && plans[index]?.action === "error" && plans[index]?.userId === null;
  const roots = (plans, only) => plans.flatMap((_, index) => wontExist(plans, index) && (only?.has(index) ?? true) ? [index] : []);
  const spread = (plans, from, tellErrorRows) => {
    const queue = from.filter((index) => !reached.has(index));
    for (const index of queue) reached.add(index);
    for (let next = 0; next < queue.length; next++) {
      const manager = drafts[queue[next] ?? -1]?.row;
      for (const index of manager && reports.get(manager.emailKey) || []) {
        const draft = drafts[index];
        const plan = plans[index];
        if (manager && draft && plan && (tellErrorRows || plan.action !== "error")) {
          plans[index] = personAsError(plan, [managerNotCreated(draft, manager)]);
        }
        if (wontExist(plans, index) && !reached.has(index)) {
          reached.add(index);
          queue.push(index);
        }
      }
    }
  };
  return { roots, spread };
}
function managerNotCreated(draft, manager) {
  return rowError(
    draft.row,
    "email_manager",
    "manager-not-created",
    `Manager ${draft.row.managerEmail?.trim() ?? manager.email} will not be created: their row (${manager.file}:${manager.line}) has errors`
  );
}

// src/plan/person-changes.ts
function privilegedTest(extra) {
  const names2 = new Set(extra.map((name) => name.trim().toLowerCase()));
  return (roleName) => roleName.toLowerCase().includes("admin") || names2.has(roleName.trim().toLowerCase());
}
function planDraft(draft, context) {
  const plan = emptyPlan(draft);
  if (draft.errors.length > 0) return { ...plan, errors: draft.errors };
  const manager = managerRef(draft.row, context);
  if (draft.match.kind === "one") return planUpdate(plan, draft, draft.match.user, manager, context);
  return planCreate(plan, draft, manager, context);
}
function emptyPlan(draft) {
  const { row } = draft;
  return {
    batch: draft.batch,
    file: row.file,
    line: row.line,
    name: row.name,
    email: row.email,
    emailKey: row.emailKey,
    action: "error",
    userId: draft.match.kind === "one" ? draft.match.user.id : null,
    version: null,
    create: null,
    patch: {},
    moveToDivisionId: null,
    manager: null,
    location: null,
    grants: [],
    queueIds: [],
    skills: [],
    changes: [],
    errors: [],
    warnings: []
  };
}
function managerRef(row, { firstByEmail, org }) {
  if (row.managerEmail === void 0) return null;
  const key = row.managerEmail.trim().toLowerCase();
  const inImport = firstByEmail.get(key);
  const match = inImport ? inImport.match : org.users.match(key);
  return { email: row.managerEmail.trim(), userId: match.kind === "one" ? match.user.id : null };
}
function workPhoneContact(address, extension) {
  if (address === "" && extension === "") return [];
  return [
    {
      ...address !== "" ? { address } : {},
      ...extension !== "" ? { extension } : {},
      mediaType: "PHONE",
      type: "WORK"
    }
  ];
}
function withWorkPhone(addresses, address, extension) {
  const index = addresses.findIndex(isWorkPhone);
  const replacement = workPhoneContact(address, extension);
  if (index === -1) return [...addresses, ...replacement];
  return [...addresses.slice(0, index), ...replacement, ...addresses.slice(index + 1)];
}
function grantsText(grants, org) {
  const byRole = /* @__PURE__ */ new Map();
  for (const grant of grants) {
    const divisions = byRole.get(grant.roleId) ?? [];
    divisions.push(org.divisions.nameOf(grant.divisionId));
    byRole.set(grant.roleId, divisions);
  }
  return [...byRole].map(([roleId, divisions]) => `${org.roles.nameOf(roleId)}:[${divisions.join(", ")}]`).join(", ");
}
function skillsText(skills, org) {
  return skills.map((skill) => `${org.skills.nameOf(skill.skillId)}:${skill.proficiency}`).sort((a, b) => a < b ? -1 : a > b ? 1 : 0).join(", ");
}
function privilegedWarnings(row, grants, context) {
  const { org, privileged } = context;
  return grants.filter((grant) => privileged(org.roles.nameOf(grant.roleId))).map(
    (grant) => rowWarning(
      row,
      "roles_divisions",
      "privileged-role",
      `Grants privileged role "${org.roles.nameOf(grant.roleId)}" in division "${org.divisions.nameOf(grant.divisionId)}" to ${row.email}`
    )
  );
}
function planCreate(plan, draft, manager, context) {
  const { row } = draft;
  const { org } = context;
  const divisionId = draft.divisionId ?? org.snapshot.homeDivisionId;
  const title = row.title ?? "";
  const department = row.department ?? "";
  const phoneWork = row.phoneWork ?? "";
  const extension = row.extension ?? "";
  const changes = [
    { field: "division", before: "", after: org.divisions.nameOf(divisionId) },
    { field: "title", before: "", after: title },
    { field: "department", before: "", after: department },
    { field: "phone_work", before: "", after: phoneWork },
    { field: "extension", before: "", after: extension },
    { field: "email_manager", before: "", after: manager?.email ?? "" },
    { field: "location_work", before: "", after: draft.location?.name ?? "" },
    { field: "roles_divisions", before: "", after: grantsText(draft.grants, org) },
    { field: "queues", before: "", after: draft.queueIds.map((id) => org.queues.nameOf(id)).join(", ") },
    { field: "skills", before: "", after: skillsText(draft.skills, org) }
  ].filter((change) => change.after !== "");
  return {
    ...plan,
    action: "create",
    create: {
      name: row.name,
      email: row.email,
      divisionId,
      ...title !== "" ? { title } : {},
      ...department !== "" ? { department } : {},
      addresses: workPhoneContact(phoneWork, extension)
    },
    manager,
    location: draft.location,
    grants: draft.grants,
    queueIds: draft.queueIds,
    skills: draft.skills,
    changes,
    warnings: privilegedWarnings(row, draft.grants, context)
  };
}
function planUpdate(plan, draft, user, manager, context) {
  const update = { draft, user, context, changes: [], warnings: [], patch: {} };
  updateName(update);
  const moveToDivisionId = updateDivision(update);
  updateTextFields(update);
  updateWorkPhone(update);
  const managerChanges = updateManager(update, manager);
  const locationChanges = updateLocation(update);
  const grants = updateGrants(update);
  const queueIds = updateQueues(update);
  const skills = updateSkills(update);
  const inactive = inactiveWarning(draft.row, user);
  const existing = { ...plan, userId: user.id, version: user.version, warnings: inactive };
  const { changes } = update;
  if (changes.length === 0) return { ...existing, action: "unchanged" };
  if (!draft.updateExisting) return { ...existing, action: "skip", changes };
  return {
    ...existing,
    action: "update",
    patch: update.patch,
    moveToDivisionId,
    manager: managerChanges ? manager : null,
    location: locationChanges ? draft.location : null,
    grants,
    queueIds,
    skills,
    changes,
    warnings: [...update.warnings, ...inactive]
  };
}
function inactiveWarning(row, user) {
  if (user.state !== "inactive") return [];
  return [
    rowWarning(
      row,
      "email",
      "inactive-user",
      `${row.email} is an inactive user: the row is applied, but the user stays inactive and is not invited on the training day`
    )
  ];
}
function updateName({ draft: { row }, user, patch, changes }) {
  if (row.name === user.name) return;
  patch.name = row.name;
  changes.push({ field: "name", before: user.name, after: row.name });
}
function updateDivision({ draft, user, context, changes, warnings }) {
  if (draft.divisionId === null || draft.divisionId === user.divisionId) return null;
  const before = context.org.divisions.nameOf(user.divisionId);
  const after = context.org.divisions.nameOf(draft.divisionId);
  changes.push({ field: "division", before, after });
  warnings.push(
    rowWarning(
      draft.row,
      "division",
      "division-move",
      `Moves ${draft.row.email} from division "${before}" to "${after}"`
    )
  );
  return draft.divisionId;
}
function cleared({ draft: { row }, warnings }, field2, before) {
  warnings.push(
    rowWarning(
      row,
      field2,
      "field-cleared",
      `Clears ${field2} of ${row.email} (was "${before}"): the cell is blank`
    )
  );
}
function updateTextFields(update) {
  const { draft, user, patch, changes } = update;
  for (const field2 of ["title", "department"]) {
    const wanted = draft.row[field2];
    if (wanted === void 0 || wanted === user[field2]) continue;
    patch[field2] = wanted;
    changes.push({ field: field2, before: user[field2], after: wanted });
    if (wanted === "") cleared(update, field2, user[field2]);
  }
}
function updateWorkPhone(update) {
  const {
    draft: { row },
    user,
    context,
    patch,
    changes
  } = update;
  const country = context.org.snapshot.defaultCountryCode;
  const phoneChanges = row.phoneWork !== void 0 && !sameNumber(row.phoneWork, user.phoneWork, country);
  const extensionChanges = row.extension !== void 0 && !sameExtension(row.extension, user.extension);
  if (!phoneChanges && !extensionChanges) return;
  const phoneWork = phoneChanges ? row.phoneWork ?? "" : toE164(user.phoneWork, country) ?? user.phoneWork;
  const extension = extensionChanges ? row.extension ?? "" : user.extension;
  patch.addresses = withWorkPhone(user.addresses, phoneWork, extension);
  if (phoneChanges) {
    changes.push({ field: "phone_work", before: user.phoneWork, after: phoneWork });
    if (phoneWork === "") cleared(update, "phone_work", user.phoneWork);
  }
  if (extensionChanges) {
    changes.push({ field: "extension", before: user.extension, after: extension });
    if (extension === "") cleared(update, "extension", user.extension);
  }
}
function updateManager({ user, context, changes }, manager) {
  const managerChanges = manager !== null && (manager.userId === null || manager.userId !== user.managerId);
  if (!managerChanges) return false;
  const current = user.managerId === null ? void 0 : context.org.users.byId(user.managerId);
  const before = user.managerId === null ? "" : current?.email ?? user.managerId;
  changes.push({ field: "email_manager", before, after: manager.email });
  return true;
}
function updateLocation({ draft, user, context, changes, warnings }) {
  const location = draft.location;
  const locationChanges = location !== null && (location.locationId === null || user.locationIds.length !== 1 || user.locationIds[0] !== location.locationId);
  if (!locationChanges) return false;
  const before = user.locationIds.map((id) => context.org.locations.nameOf(id)).join(", ");
  changes.push({ field: "location_work", before, after: location.name });
  if (user.locationIds.some((id) => id !== location.locationId)) {
    warnings.push(
      rowWarning(
        draft.row,
        "location_work",
        "locations-replaced",
        `Replaces the locations of ${draft.row.email} (was "${before}") with "${location.name}" alone`
      )
    );
  }
  return true;
}
function updateGrants({ draft, user, context, changes, warnings }) {
  const held = (grant) => user.grants.some((mine) => mine.roleId === grant.roleId && mine.divisionId === grant.divisionId);
  const grants = draft.grants.filter((grant) => !held(grant));
  if (grants.length === 0) return grants;
  const kept = draft.grants.filter(held);
  changes.push({
    field: "roles_divisions",
    before: grantsText(kept, context.org),
    after: grantsText([...kept, ...grants], context.org)
  });
  warnings.push(...privilegedWarnings(draft.row, grants, context));
  return grants;
}
function updateQueues({ draft, user, context, changes }) {
  const queueIds = draft.queueIds.filter((id) => !user.queueIds.includes(id));
  if (queueIds.length === 0) return queueIds;
  const kept = draft.queueIds.filter((id) => user.queueIds.includes(id));
  const names2 = (ids) => ids.map((id) => context.org.queues.nameOf(id)).join(", ");
  changes.push({ field: "queues", before: names2(kept), after: names2([...kept, ...queueIds]) });
  return queueIds;
}
function updateSkills({ draft, user, context, changes }) {
  const skills = draft.skills.filter(
    (skill) => !user.skills.some((mine) => mine.skillId === skill.skillId && mine.proficiency === skill.proficiency)
  );
  if (skills.length === 0) return skills;
  const merged = [
    ...user.skills.filter((mine) => !skills.some((skill) => skill.skillId === mine.skillId)),
    ...skills
  ];
  changes.push({
    field: "skills",
    before: skillsText(user.skills, context.org),
    after: skillsText(merged, context.org)
  });
  return skills;
}

// src/plan/people.ts
function planPeople(batches, org, options, gate2) {
  const { drafts, firstByEmail } = resolvePeople(batches, org);
  checkManagerEmails(drafts, firstByEmail, org);
  const context = { firstByEmail, org, privileged: privilegedTest(options.privilegedRoles ?? []) };
  const planned = drafts.map((draft) => planDraft(draft, context));
  const cascade = managerCascade(drafts, firstByEmail);
  cascade.spread(planned, cascade.roots(planned), true);
  const askedRows = planned.flatMap((plan, index) => writes2(plan.action) ? [index] : []);
  const { plans, stoppedByGate } = passGate(planned, gate2);
  cascade.spread(plans, cascade.roots(plans, stoppedByGate), false);
  const stopped = new Set(
    askedRows.filter((index) => plans[index]?.action === "error").map((index) => plans[index]?.emailKey ?? "")
  );
  let start = 0;
  const byBatch = batches.map((batch) => plans.slice(start, start += batch.people.length));
  return { byBatch, asked: askedRows.length, stopped };
}
function resolvePeople(batches, org) {
  const drafts = [];
  const firstByEmail = /* @__PURE__ */ new Map();
  for (const batch of batches) {
    for (const row of batch.people) {
      const draft = resolveRow(row, batch, org);
      const earlier = firstByEmail.get(row.emailKey);
      if (earlier) {
        draft.first = false;
        draft.errors.push(
          rowError(
            row,
            "email",
            "duplicate-person",
            `${row.email} is also in ${earlier.row.file}:${earlier.row.line}; a person belongs in one row only`
          )
        );
      } else {
        firstByEmail.set(row.emailKey, draft);
      }
      drafts.push(draft);
    }
  }
  return { drafts, firstByEmail };
}
function passGate(planned, gate2) {
  const stoppedByGate = /* @__PURE__ */ new Set();
  if (gate2 === null) return { plans: [...planned], stoppedByGate };
  const plans = planned.map((person, index) => {
    const { errors, warnings } = gate2.person(person);
    if (errors.length > 0) {
      if (person.action !== "error") stoppedByGate.add(index);
      return personAsError(person, errors);
    }
    return warnings.length === 0 ? person : { ...person, warnings: [...person.warnings, ...warnings] };
  });
  return { plans, stoppedByGate };
}
function resolveRow(row, batch, org) {
  const errors = [];
  const match = org.users.match(row.emailKey);
  if (match.kind === "deleted") {
    errors.push(
      rowError(
        row,
        "email",
        "deleted-user",
        `${row.email} belongs to a deleted user; restore them in Genesys Cloud (Admin > People) or use another email`
      )
    );
  } else if (match.kind === "ambiguous") {
    errors.push(
      rowError(row, "email", "ambiguous-email", `${row.email} matches ${match.users.length} users in the org`)
    );
  }
  errors.push(...workPhoneErrors(row, org));
  const divisionId = resolveDivision(row, org, errors);
  const grants = resolveGrants(row, org, errors);
  const queueIds = resolveQueues(row, org, errors);
  const skills = resolveSkills(row, org, errors);
  return {
    row,
    batch: batch.name,
    updateExisting: batch.config.updateExisting,
    match,
    first: true,
    divisionId,
    grants,
    queueIds,
    skills,
    location: resolveLocation(row, org),
    errors
  };
}
function workPhoneErrors(row, org) {
  const country = org.snapshot.defaultCountryCode;
  if (!row.phoneWork || !country || row.phoneWork.trim().startsWith("+")) return [];
  if (toE164(row.phoneWork, country) !== null) return [];
  return [
    rowError(
      row,
      "phone_work",
      "invalid-phone",
      `${row.phoneWork} is not a phone number in ${country}, the org's default country; write it with its country code, e.g. +44 20 7946 0018`
    )
  ];
}
function resolveDivision(row, org, errors) {
  if (row.division === void 0) return null;
  const division = org.divisions.find(row.division);
  if (division) return division.id;
  errors.push(
    rowError(
      row,
      "division",
      "unknown-division",
      `Unknown division "${row.division}"${org.divisions.suggest(row.division)}`
    )
  );
  return null;
}
function resolveGrants(row, org, errors) {
  const grants = [];
  for (const wanted of row.roles) {
    const role = org.roles.find(wanted.role);
    if (!role) {
      errors.push(
        rowError(
          row,
          "roles_divisions",
          "unknown-role",
          `Unknown role "${wanted.role}"${org.roles.suggest(wanted.role)}`
        )
      );
    }
    const divisionIds = [];
    if (wanted.divisions.length === 0) divisionIds.push(org.snapshot.homeDivisionId);
    for (const name of wanted.divisions) {
      const division = org.divisions.find(name);
      if (division) divisionIds.push(division.id);
      else
        errors.push(
          rowError(
            row,
            "roles_divisions",
            "unknown-division",
            `Unknown division "${name}" for role "${wanted.role}"${org.divisions.suggest(name)}`
          )
        );
    }
    for (const divisionId of divisionIds) {
      if (role && !grants.some((grant) => grant.roleId === role.id && grant.divisionId === divisionId)) {
        grants.push({ roleId: role.id, divisionId });
      }
    }
  }
  return grants;
}
function resolveQueues(row, org, errors) {
  const queueIds = [];
  for (const name of row.queues) {
    const queue = org.queues.find(name);
    if (!queue)
      errors.push(
        rowError(row, "queues", "unknown-queue", `Unknown queue "${name}"${org.queues.suggest(name)}`)
      );
    else if (!queueIds.includes(queue.id)) queueIds.push(queue.id);
  }
  return queueIds;
}
function resolveSkills(row, org, errors) {
  const skillsById = /* @__PURE__ */ new Map();
  for (const wanted of row.skills) {
    const skill = org.skills.find(wanted.skill);
    if (!skill)
      errors.push(
        rowError(
          row,
          "skills",
          "unknown-skill",
          `Unknown skill "${wanted.skill}"${org.skills.suggest(wanted.skill)}`
        )
      );
    else skillsById.set(skill.id, { skillId: skill.id, proficiency: wanted.proficiency });
  }
  return [...skillsById.values()];
}
function resolveLocation(row, org) {
  if (row.location === void 0) return null;
  const existing = org.locations.find(row.location);
  return existing ? { name: existing.name, locationId: existing.id } : { name: row.location.trim(), locationId: null };
}

// src/plan/phones.ts
function planPhones(batches, people, org) {
  const context = phoneContext(people, org);
  return batches.map(
    (batch) => batch.phones.map((row) => planPhone(resolvePhone(row, batch, context), context))
  );
}
function phoneContext(people, org) {
  const phonesByName = /* @__PURE__ */ new Map();
  const phoneOfStation = /* @__PURE__ */ new Map();
  for (const phone of org.snapshot.phones) {
    const same = phonesByName.get(nameKey(phone.name)) ?? [];
    same.push(phone);
    phonesByName.set(nameKey(phone.name), same);
    if (phone.stationId) phoneOfStation.set(phone.stationId, phone);
  }
  return { org, people, phonesByName, phoneOfStation, firstByName: /* @__PURE__ */ new Map() };
}
function resolvePhone(row, batch, context) {
  const { org } = context;
  const person = context.people.get(row.emailKey);
  const match = org.users.match(row.emailKey);
  const user = match.kind === "one" ? match.user : void 0;
  const name = row.name.trim() || person?.name || user?.name || "";
  const sameName = name === "" ? [] : context.phonesByName.get(nameKey(name)) ?? [];
  return {
    row,
    batch,
    name,
    match,
    user,
    person,
    site: org.sites.find(row.site),
    baseSettings: org.baseSettings.find(row.baseSettings),
    mine: user ? sameName.find((phone) => phone.webRtcUserId === user.id) : void 0
  };
}
function planPhone(draft, context) {
  const { row, person, user, site, baseSettings } = draft;
  const errors = [
    ...ownerErrors(draft),
    ...importErrors(draft, context),
    ...siteErrors(draft, context.org),
    ...baseSettingsErrors(draft, context.org),
    ...orgErrors(draft, context)
  ];
  const common = {
    batch: draft.batch.name,
    file: row.file,
    line: row.line,
    name: draft.name,
    person: {
      email: row.email,
      emailKey: row.emailKey,
      userId: user?.id ?? null,
      row: person ? { batch: person.batch, file: person.file, line: person.line } : null
    },
    siteId: site?.id ?? null,
    baseSettingsId: baseSettings?.id ?? null,
    lineBaseSettingsId: baseSettings?.lineBaseSettingsId ?? null
  };
  const failed = (errors2) => ({
    ...common,
    action: "error",
    phoneId: null,
    stationId: null,
    changes: [],
    errors: errors2,
    warnings: []
  });
  if (errors.length > 0) return failed(errors);
  const isDefault = draft.mine !== void 0 && draft.mine.stationId !== null && user?.defaultStationId === draft.mine.stationId;
  const calling = isDefault ? "holds" : callingPermission(user, person, context.org);
  if (calling === "lacks") return failed([noCallPermission(row, context.org)]);
  const unsure = calling === "unknown" ? [callPermissionUnknown(row)] : [];
  const defaultBefore = defaultPhoneText(user, context.phoneOfStation);
  if (draft.mine)
    return existingPhone(draft, draft.mine, { common, isDefault, defaultBefore, unsure }, context.org);
  return {
    ...common,
    action: "create",
    phoneId: null,
    stationId: null,
    changes: [
      { field: "site", before: "", after: site?.name ?? "" },
      { field: "base_settings", before: "", after: baseSettings?.name ?? "" },
      { field: "default_phone", before: defaultBefore, after: draft.name }
    ],
    errors: [],
    warnings: unsure
  };
}
function ownerErrors({ row, match, user, person }) {
  if (match.kind === "ambiguous")
    return [
      rowError(row, "email", "person-ambiguous", `${row.email} matches ${match.users.length} users in the org`)
    ];
  if (!user && person?.action === "error") {
    return [
      rowError(
        row,
        "email",
        "person-not-created",
        `${row.email} will not be created: their row (${person.file}:${person.line}) has errors`
      )
    ];
  }
  if (user || person) return [];
  return match.kind === "deleted" ? [rowError(row, "email", "person-deleted", `${row.email} belongs to a deleted user`)] : [
    rowError(
      row,
      "email",
      "person-not-found",
      `${row.email} is not in the org and not in any people.csv of this import`
    )
  ];
}
function importErrors({ row, name }, context) {
  if (name === "") return [];
  const earlierName = context.firstByName.get(nameKey(name));
  if (!earlierName) {
    context.firstByName.set(nameKey(name), row);
    return [];
  }
  return [
    rowError(
      row,
      "phone_name",
      "duplicate-phone-name",
      `Phone name "${name}" is also used at ${earlierName.file}:${earlierName.line}`
    )
  ];
}
function placeOf2({ row, batch }, key, column) {
  const line = batch.config.phoneDefaultLines?.[key];
  const fromDefault = line !== void 0 && row[key] === batch.config.phoneDefaults[key];
  if (!fromDefault) return { at: row, column, fromDefault };
  const file = batch.files.batch ?? `${batch.dir}/batch.yml`;
  return { at: { file, line }, column: `phone_defaults.${column}`, fromDefault };
}
var ofDefault = (fromDefault, column) => fromDefault ? ` (batch.yml's phone_defaults.${column}, which blank ${column} cells of phones.csv take)` : "";
function siteErrors(draft, org) {
  const { row, site } = draft;
  if (site) return [];
  if (row.site.trim() === "")
    return [
      rowError(
        row,
        "site",
        "unknown-site",
        "No site: the cell is blank and batch.yml sets no phone_defaults.site"
      )
    ];
  const { at: at3, column, fromDefault } = placeOf2(draft, "site", "site");
  const message = `Unknown site "${row.site}"${org.sites.suggest(row.site)}${ofDefault(fromDefault, "site")}`;
  return [rowError(at3, column, "unknown-site", message)];
}
function baseSettingsErrors(draft, org) {
  const { row, baseSettings } = draft;
  if (row.baseSettings.trim() === "" && !baseSettings) {
    return [
      rowError(
        row,
        "base_settings",
        "unknown-base-settings",
        "No base settings: the cell is blank and batch.yml sets no phone_defaults.base_settings"
      )
    ];
  }
  const { at: at3, column, fromDefault } = placeOf2(draft, "baseSettings", "base_settings");
  const from = ofDefault(fromDefault, "base_settings");
  if (!baseSettings) {
    const message = `Unknown phone base settings "${row.baseSettings}"${org.baseSettings.suggest(row.baseSettings)}${from}`;
    return [rowError(at3, column, "unknown-base-settings", message)];
  }
  if (!baseSettings.webRtc)
    return [
      rowError(
        at3,
        column,
        "not-webrtc-base-settings",
        `Base settings "${baseSettings.name}" is not a WebRTC softphone${from}`
      )
    ];
  if (baseSettings.lineBaseSettingsId === null)
    return [
      rowError(at3, column, "no-line-base-settings", `Base settings "${baseSettings.name}" has no line${from}`)
    ];
  return [];
}
function orgErrors({ row, name, user, mine }, context) {
  const errors = [];
  const sameName = name === "" ? [] : context.phonesByName.get(nameKey(name)) ?? [];
  if (!mine && sameName.length > 0) {
    errors.push(
      rowError(
        row,
        "phone_name",
        "phone-name-taken",
        `Phone name "${name}" is taken by ${describeOwner(sameName[0], context.org)}`
      )
    );
  }
  const other = user ? context.org.snapshot.phones.find((phone) => phone.webRtcUserId === user.id && phone !== mine) : void 0;
  if (other) {
    const { code: code2, message } = secondPhone(row.email, `in the org, "${other.name}"`);
    errors.push(rowError(row, "email", code2, message));
  }
  return errors;
}
function noCallPermission(row, org) {
  return rowError(
    row,
    "email",
    "no-call-permission",
    `${row.email} lacks ${DEFAULT_PHONE_PERMISSION}, which a default phone needs; roles that grant it: ${grantingRoles(org)}`
  );
}
function callPermissionUnknown(row) {
  return rowFinding(
    "warning",
    row,
    "email",
    "call-permission-unknown",
    `Could not check that ${row.email} holds ${DEFAULT_PHONE_PERMISSION}, which a default phone needs: their roles were not read`
  );
}
function existingPhone({ row, name, site, baseSettings }, mine, decided, org) {
  const differs = mine.siteId !== site?.id || mine.baseSettingsId !== baseSettings?.id;
  const warnings = differs ? [
    rowFinding(
      "warning",
      row,
      "phone_name",
      "phone-differs",
      `Phone "${mine.name}" exists with site "${org.sites.nameOf(mine.siteId)}" and base settings "${org.baseSettings.nameOf(mine.baseSettingsId)}"; gc-onboard does not change existing phones`
    )
  ] : [];
  const changes = decided.isDefault ? [] : [{ field: "default_phone", before: decided.defaultBefore, after: name }];
  return {
    ...decided.common,
    action: decided.isDefault ? "unchanged" : "update",
    phoneId: mine.id,
    stationId: mine.stationId,
    changes,
    errors: [],
    warnings: [...warnings, ...decided.unsure]
  };
}
function permissionsListed(org) {
  return anyPermissions(org.snapshot.roles);
}
function callingPermission(user, person, org) {
  if (!permissionsListed(org)) return "not-listed";
  const roleIds = [
    ...(user?.grants ?? []).map((grant) => grant.roleId),
    // A row in error or skipped adds nothing; an update adds its grants, a create all of them.
    ...(person && (person.action === "create" || person.action === "update") ? person.grants : []).map(
      (grant) => grant.roleId
    )
  ];
  if (rolesGrant(org.snapshot.roles, roleIds, DEFAULT_PHONE_PERMISSION)) return "holds";
  return user && !user.grantsComplete ? "unknown" : "lacks";
}
function grantingRoles(org) {
  const names2 = org.snapshot.roles.filter((role) => grantsPermission([role.permissions ?? []], DEFAULT_PHONE_PERMISSION)).map((role) => role.name).sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  if (names2.length === 0) return `none in this org (give a role ${DEFAULT_PHONE_PERMISSION} first)`;
  return names2.length > 5 ? `${names2.slice(0, 5).join(", ")}, \u2026` : names2.join(", ");
}
function describeOwner(phone, org) {
  if (!phone?.webRtcUserId) return "a phone that is not a WebRTC phone";
  const owner = org.users.byId(phone.webRtcUserId);
  return `the WebRTC phone of ${owner ? owner.email : "another user"}`;
}
function defaultPhoneText(user, phoneOfStation) {
  if (!user?.defaultStationId) return "";
  return phoneOfStation.get(user.defaultStationId)?.name ?? "another station";
}

// src/plan/plan.ts
function buildPlan(imports, snapshot, options = {}) {
  const org = indexOrg(snapshot);
  const gate2 = options.gate?.(org, imports.root) ?? null;
  const batches = inPlanOrder(imports.batches);
  const planned = planPeople(batches, org, options, gate2);
  const people = planned.byBatch.flat();
  const firstPersonByEmail = /* @__PURE__ */ new Map();
  for (const person of people) {
    if (!firstPersonByEmail.has(person.emailKey)) firstPersonByEmail.set(person.emailKey, person);
  }
  const asPlanned = planPhones(batches, firstPersonByEmail, org);
  const phonesByBatch = gate2 === null ? asPlanned : asPlanned.map((list) => list.map((phone) => gatePhone(phone, gate2)));
  const phones = phonesByBatch.flat();
  const batchPlans = batches.map((batch, index) => ({
    name: batch.name,
    dir: batch.dir,
    trainingDay: batch.config.trainingDay ?? null,
    updateExisting: batch.config.updateExisting,
    people: planned.byBatch[index] ?? [],
    phones: phonesByBatch[index] ?? []
  }));
  const invites = batchPlans.map((batch) => countInvites(batch, org));
  const locationsToCreate = newLocations(people, org);
  const warnings = [
    ...locationsToCreate.map(newLocationWarning),
    ...trainingDayWarnings(batches, invites, options.today),
    ...permissionWarning(phones, org)
  ];
  const gateFindings = gate2?.findings({ asked: asked(planned, asPlanned.flat()), written: written(people, phones) }) ?? [];
  const findings = sortFindings([...imports.findings, ...gateFindings]);
  return {
    root: imports.root,
    batches: batchPlans,
    locationsToCreate,
    findings,
    warnings,
    invitesNow: 0,
    summary: summarize(people, phones, findings, warnings, invites)
  };
}
function inPlanOrder(batches) {
  return [...batches].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).map((batch) => ({
    ...batch,
    people: [...batch.people].sort((a, b) => a.line - b.line),
    phones: [...batch.phones].sort((a, b) => a.line - b.line)
  }));
}
function gatePhone(phone, gate2) {
  const errors = gate2.phone(phone);
  return errors.length === 0 ? phone : phoneAsError(phone, errors);
}
var count = (rows) => rows.filter((row) => writes2(row.action)).length;
function written(people, phones) {
  return { people: count(people), phones: count(phones) };
}
function asked(people, phones) {
  const stoppedOwner = (phone) => phone.errors.length > 0 && people.stopped.has(phone.person.emailKey) && phone.errors.every((finding2) => finding2.code === "person-not-created");
  return {
    people: people.asked,
    phones: phones.filter((phone) => writes2(phone.action) || stoppedOwner(phone)).length
  };
}
function countInvites(batch, org) {
  const invited = /* @__PURE__ */ new Set();
  const unconfirmed = /* @__PURE__ */ new Set();
  for (const person of batch.people) {
    if (person.errors.some((finding2) => finding2.code === "duplicate-person")) continue;
    if (person.action === "create") {
      invited.add(person.emailKey);
      continue;
    }
    const state = inviteState(person.userId === null ? void 0 : org.users.byId(person.userId));
    if (state === "invitable" || state === "welcome-unknown") {
      invited.add(person.emailKey);
      unconfirmed.add(person.emailKey);
    }
  }
  return { batch: batch.name, date: batch.trainingDay, count: invited.size, unconfirmed: unconfirmed.size };
}
function permissionWarning(phones, org) {
  const first = phones.find((phone) => writes2(phone.action));
  if (!first || permissionsListed(org)) return [];
  return [
    {
      severity: "warning",
      file: first.file,
      line: first.line,
      column: null,
      code: "call-permission-unchecked",
      message: `The org's roles listing gives no permissions, so the plan cannot check that each phone's person holds ${DEFAULT_PHONE_PERMISSION}, which a default phone needs; apply fails for a person who lacks it`
    }
  ];
}
function newLocations(people, org) {
  const seen = /* @__PURE__ */ new Map();
  const existing = org.snapshot.locations.map((location) => location.name);
  for (const person of people) {
    const location = person.location;
    if (location === null || location.locationId !== null || seen.has(nameKey(location.name))) continue;
    seen.set(nameKey(location.name), {
      name: location.name,
      didYouMean: didYouMean(location.name, existing) ?? null,
      file: person.file,
      line: person.line
    });
  }
  return [...seen.values()];
}
function newLocationWarning(location) {
  return {
    severity: "warning",
    file: location.file,
    line: location.line,
    column: "location_work",
    code: "new-location",
    message: `Location "${location.name}" does not exist; apply will create it` + (location.didYouMean === null ? "" : ` (did you mean "${location.didYouMean}"?)`)
  };
}
function trainingDayWarnings(batches, invites, today) {
  const todayNumber = today === void 0 ? null : dayNumber(today);
  if (todayNumber === null) return [];
  const warnings = [];
  batches.forEach((batch, index) => {
    const day = batch.config.trainingDay;
    const count2 = invites[index]?.count ?? 0;
    const dayNum = day === void 0 ? null : dayNumber(day);
    if (day === void 0 || dayNum === null || count2 === 0) return;
    const where2 = { file: batch.files.batch ?? `${batch.dir}/batch.yml`, line: 1, column: "training_day" };
    const people = count2 === 1 ? "1 person" : `${count2} people`;
    if (dayNum < todayNumber) {
      warnings.push({
        severity: "warning",
        ...where2,
        code: "training-day-past",
        message: `Training day ${formatDay(day)} is in the past: the schedule will not invite the ${people} of batch ${batch.name}; run "gc-onboard invite --batch ${batch.name}" when they are trained`
      });
    } else if (dayNum - todayNumber > INVITE_LIFETIME_DAYS) {
      warnings.push({
        severity: "warning",
        ...where2,
        code: "training-day-far",
        message: `Training day ${formatDay(day)} is ${dayNum - todayNumber} days away (more than ${INVITE_LIFETIME_DAYS}): the ${people} of batch ${batch.name} exist uninvited until then`
      });
    }
  });
  return warnings;
}
var basename = (file) => file.split(/[\\/]/).pop()?.toLowerCase() ?? "";
function validationErrorLines(findings, fileName) {
  const lines = /* @__PURE__ */ new Set();
  for (const finding2 of findings) {
    if (finding2.severity === "error" && basename(finding2.file) === fileName)
      lines.add(`${finding2.file}:${finding2.line}`);
  }
  return lines.size;
}
function summarize(people, phones, findings, warnings, invites) {
  const count2 = (rows, action) => rows.filter((row) => row.action === action).length;
  const rowWarnings = [...people, ...phones].reduce((sum, row) => sum + row.warnings.length, 0);
  return {
    people: {
      create: count2(people, "create"),
      update: count2(people, "update"),
      unchanged: count2(people, "unchanged"),
      skip: count2(people, "skip"),
      error: count2(people, "error") + validationErrorLines(findings, "people.csv")
    },
    phones: {
      create: count2(phones, "create"),
      update: count2(phones, "update"),
      unchanged: count2(phones, "unchanged"),
      error: count2(phones, "error") + validationErrorLines(findings, "phones.csv")
    },
    invites,
    warnings: rowWarnings + warnings.length + findings.filter((finding2) => finding2.severity === "warning").length
  };
}

// src/policy/policy.ts
var import_yaml5 = __toESM(require_dist(), 1);
var POLICY_KEYS = [
  "allowed_email_domains",
  "allowed_roles",
  "forbidden_roles",
  "allowed_divisions",
  "privileged_roles",
  "max_changes",
  "override_label",
  "reinvite_expired"
];
var DEFAULT_MAX_CHANGES = 500;
var DEFAULT_POLICY = {
  allowedEmailDomains: null,
  allowedRoles: null,
  forbiddenRoles: null,
  allowedDivisions: null,
  privilegedRoles: [],
  maxChanges: DEFAULT_MAX_CHANGES,
  overrideLabel: null,
  reinviteExpired: false,
  lines: {}
};
var DOMAIN = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;
var Domain = external_exports.string().transform((value) => value.trim().toLowerCase().replace(/^@/, "")).pipe(external_exports.string().regex(DOMAIN));
var Name = external_exports.union([external_exports.string(), external_exports.number()]).transform((value) => String(value).trim()).pipe(external_exports.string().min(1));
var MaxChanges = external_exports.number().int().positive().nullish();
var Label = external_exports.string().trim().min(1).max(50).nullish();
var LIST_ITEM = {
  allowed_email_domains: {
    schema: Domain,
    what: "an email domain",
    example: "write the part after the @, e.g. northfield.edu (or *.northfield.edu for its subdomains)"
  },
  allowed_roles: { schema: Name, what: "a role name", example: "e.g. employee" },
  forbidden_roles: { schema: Name, what: "a role name", example: "e.g. Master Admin" },
  allowed_divisions: { schema: Name, what: "a division name", example: "e.g. Student Services" },
  privileged_roles: { schema: Name, what: "a role name", example: "e.g. PureCloud Supervisor" }
};
var isListKey = (key) => key in LIST_ITEM;
var isPolicyKey = (key) => POLICY_KEYS.includes(key);
function shown(value) {
  if (value === null || value === void 0) return "nothing";
  return quote(typeof value === "string" ? value : JSON.stringify(value));
}
function parsePolicy(content, file, org) {
  const read = readYaml(content, file, "policy.yml");
  if ("finding" in read) return { policy: null, findings: [read.finding] };
  const { doc, lines } = read;
  const root = doc.contents;
  if (root === null || (0, import_yaml5.isScalar)(root) && root.value === null)
    return { policy: DEFAULT_POLICY, findings: [] };
  const nodes = {
    lineOf: (node, fallback = 1) => node?.range ? lines.linePos(node.range[0]).line : fallback,
    // toJS with the document resolves aliases (bare toJSON would throw on one).
    plain: (node) => node.toJS(doc),
    doc
  };
  if (!(0, import_yaml5.isMap)(root)) {
    return {
      policy: null,
      findings: [
        finding(file, nodes.lineOf(root), null, {
          code: "invalid-policy",
          message: 'policy.yml must hold "key: value" lines such as max_changes: 500.'
        })
      ]
    };
  }
  const findings = [];
  const policy = { ...DEFAULT_POLICY, lines: {} };
  let orgSections = null;
  for (const pair of root.items) {
    const keyNode = (0, import_yaml5.isScalar)(pair.key) ? pair.key : null;
    const key = typeof keyNode?.value === "string" ? keyNode.value : JSON.stringify(pair.key ? nodes.plain(pair.key) : null) ?? "";
    const valueNode = (0, import_yaml5.isAlias)(pair.value) ? pair.value.resolve(doc) ?? null : pair.value ?? null;
    if (key === ORGS_KEY) orgSections = { node: valueNode, line: nodes.lineOf(keyNode) };
    else readKey(policy, { key, line: nodes.lineOf(keyNode), valueNode, file }, nodes, findings);
  }
  if (orgSections) readOrgSections(policy, { ...orgSections, file, org }, nodes, findings);
  findings.push(...conflictingKeys(policy, file));
  findings.sort((a, b) => a.line - b.line);
  return { policy, findings };
}
var ORGS_KEY = "orgs";
function readOrgSections(policy, at3, nodes, findings) {
  const bad = (line, message) => findings.push(finding(at3.file, line, ORGS_KEY, { code: "invalid-value", message }));
  if (!(0, import_yaml5.isMap)(at3.node)) {
    bad(
      at3.line,
      "orgs must hold one section per org (its name from orgs.yml, then indented keys such as max_changes: 50)."
    );
    return;
  }
  policy.orgNames = [];
  for (const section of at3.node.items) {
    const name = (0, import_yaml5.isScalar)(section.key) ? String(section.key.value) : "";
    const line = nodes.lineOf(section.key, at3.line);
    policy.orgNames.push({ value: name, line });
    const body = section.value ?? null;
    if (!(0, import_yaml5.isMap)(body)) {
      bad(line, `orgs.${name} must hold indented "key: value" lines, e.g. max_changes: 50.`);
      continue;
    }
    const target = name === at3.org ? policy : { ...DEFAULT_POLICY, lines: {} };
    for (const pair of body.items) {
      const keyNode = (0, import_yaml5.isScalar)(pair.key) ? pair.key : null;
      const key = typeof keyNode?.value === "string" ? keyNode.value : "";
      const valueNode = (0, import_yaml5.isAlias)(pair.value) ? pair.value.resolve(nodes.doc) ?? null : pair.value ?? null;
      readKey(target, { key, line: nodes.lineOf(keyNode, line), valueNode, file: at3.file }, nodes, findings);
    }
  }
}
function readKey(policy, at3, nodes, findings) {
  const { key, line, valueNode, file } = at3;
  if (!isPolicyKey(key)) {
    findings.push(
      finding(file, line, key, {
        code: "unknown-key",
        message: `${quote(key)} is not a policy.yml key${didYouMeanSuffix(key, POLICY_KEYS)}. Allowed keys: ${POLICY_KEYS.join(", ")}.`
      })
    );
    return;
  }
  policy.lines[key] = line;
  if (isListKey(key)) {
    const entries = readList(key, valueNode, line, file, nodes, findings);
    if (key === "allowed_email_domains") policy.allowedEmailDomains = entries;
    else if (key === "allowed_roles") policy.allowedRoles = entries;
    else if (key === "forbidden_roles") policy.forbiddenRoles = entries;
    else if (key === "allowed_divisions") policy.allowedDivisions = entries;
    else policy.privilegedRoles = entries ?? [];
    return;
  }
  const value = valueNode === null ? null : nodes.plain(valueNode);
  const problem2 = readValue(policy, key, value);
  if (problem2 !== null) findings.push(finding(file, line, key, { code: "invalid-value", message: problem2 }));
}
function readValue(policy, key, value) {
  if (key === "max_changes") {
    const parsed2 = MaxChanges.safeParse(value);
    if (parsed2.success) policy.maxChanges = parsed2.data ?? DEFAULT_MAX_CHANGES;
    return parsed2.success ? null : `max_changes must be a whole number above 0, e.g. ${DEFAULT_MAX_CHANGES}; got ${shown(value)}. Until it is fixed the default ${DEFAULT_MAX_CHANGES} applies.`;
  }
  if (key === "reinvite_expired") {
    if (value !== null && typeof value !== "boolean")
      return `reinvite_expired must be true or false; got ${shown(value)}. Until it is fixed expired invitations are not re-sent.`;
    policy.reinviteExpired = value ?? false;
    return null;
  }
  const parsed = Label.safeParse(value);
  if (parsed.success) policy.overrideLabel = parsed.data ?? null;
  return parsed.success ? null : `override_label must be the name of a pull-request label (1 to 50 characters), e.g. large-import; got ${shown(value)}.`;
}
function conflictingKeys(policy, file) {
  const allowedLine = policy.lines.allowed_roles;
  const forbiddenLine2 = policy.lines.forbidden_roles;
  if (allowedLine === void 0 || forbiddenLine2 === void 0) return [];
  const [first, second] = allowedLine < forbiddenLine2 ? ["allowed_roles", "forbidden_roles"] : ["forbidden_roles", "allowed_roles"];
  return [
    finding(file, Math.max(allowedLine, forbiddenLine2), second, {
      code: "conflicting-keys",
      message: `Use allowed_roles or forbidden_roles, not both: ${first} is set on line ${Math.min(allowedLine, forbiddenLine2)}. Remove one of them.`
    })
  ];
}
function readList(key, node, keyLine, file, nodes, findings) {
  if (node === null || (0, import_yaml5.isScalar)(node) && node.value === null) return [];
  const { schema, what, example } = LIST_ITEM[key];
  const items = (0, import_yaml5.isSeq)(node) ? node.items : (0, import_yaml5.isScalar)(node) ? [node] : [];
  if (!(0, import_yaml5.isSeq)(node) && !(0, import_yaml5.isScalar)(node)) {
    findings.push(
      finding(file, keyLine, key, {
        code: "invalid-value",
        message: `${key} must be a list, one "- value" line each (${what}, ${example}).`
      })
    );
    return null;
  }
  const entries = [];
  for (const item of items) {
    const line = nodes.lineOf(item, keyLine);
    const raw = nodes.plain(item);
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      entries.push({ value: parsed.data, line });
      continue;
    }
    findings.push(
      finding(file, line, key, {
        code: "invalid-value",
        message: `${shown(raw)} in ${key} is not ${what}; ${example}.`
      })
    );
  }
  return entries;
}

// src/policy/rules.ts
function resolveNames(policy, org, file) {
  const findings = [];
  const resolve = (key, entries, lookup, kind) => {
    if (entries === null) return null;
    const ids = /* @__PURE__ */ new Set();
    for (const entry of entries) {
      const found = lookup.find(entry.value);
      if (found) ids.add(found.id);
      else
        findings.push({
          severity: "error",
          file,
          line: entry.line,
          column: key,
          code: `unknown-${kind}`,
          message: `Unknown ${kind} "${entry.value}" in ${key}${lookup.suggest(entry.value)}: the org has no ${kind} by that name`
        });
    }
    return ids;
  };
  return {
    rules: {
      domains: policy.allowedEmailDomains?.map((entry) => entry.value) ?? null,
      allowedRoles: resolve("allowed_roles", policy.allowedRoles, org.roles, "role"),
      forbiddenRoles: resolve("forbidden_roles", policy.forbiddenRoles, org.roles, "role"),
      allowedDivisions: resolve("allowed_divisions", policy.allowedDivisions, org.divisions, "division"),
      privilegedRoles: resolve("privileged_roles", policy.privilegedRoles, org.roles, "role") ?? /* @__PURE__ */ new Set()
    },
    findings
  };
}
function emailDomainBreach(email, domains, file) {
  if (domains === null) return null;
  const key = email.toLowerCase();
  if (domainAllowed(key, domains)) return null;
  const domain = key.slice(key.lastIndexOf("@") + 1);
  return `${email}: the domain "${domain}" is not allowed (allowed_email_domains in ${file}: ${listed2(domains)})`;
}
function domainAllowed(emailKey2, domains) {
  const domain = emailKey2.slice(emailKey2.lastIndexOf("@") + 1);
  return domains.some(
    (allowed) => allowed.startsWith("*.") ? domain.endsWith(allowed.slice(1)) : domain === allowed
  );
}
function listed2(values) {
  if (values.length === 0) return "an empty list";
  const shown2 = values.slice(0, 5).join(", ");
  return values.length > 5 ? `${shown2}, \u2026 (${values.length} in all)` : shown2;
}
function checkPhone2(phone, rules) {
  const createdHere = phone.person.row !== null && phone.person.userId === null;
  if (createdHere || !(writes2(phone.action) || phone.action === "error")) return [];
  const breach = emailDomainBreach(phone.person.email, rules.domains, rules.file);
  if (!breach) return [];
  return [
    {
      severity: "error",
      file: phone.file,
      line: phone.line,
      column: "email",
      code: "policy-email-domain",
      message: breach
    }
  ];
}
function at2(verdict, column, code2, message, severity = "error") {
  const { person } = verdict;
  (severity === "error" ? verdict.errors : verdict.warnings).push({
    severity,
    file: person.file,
    line: person.line,
    column,
    code: code2,
    message
  });
}
function checkPerson(person, rules, org) {
  const verdict = { person, rules, org, errors: [], warnings: [] };
  if (writes2(person.action) || person.action === "error") {
    const breach = emailDomainBreach(person.email, rules.domains, rules.file);
    if (breach) at2(verdict, "email", "policy-email-domain", breach);
  }
  if (!writes2(person.action)) return { errors: verdict.errors, warnings: verdict.warnings };
  if (person.manager !== null && person.manager.userId !== null) {
    const breach = emailDomainBreach(person.manager.email, rules.domains, rules.file);
    if (breach) at2(verdict, "email_manager", "policy-email-domain", breach);
  }
  checkGrants(verdict);
  checkDivision(verdict);
  return { errors: verdict.errors, warnings: verdict.warnings };
}
function divisionText({ org }, divisionId) {
  const home = divisionId === org.snapshot.homeDivisionId ? " (the home division)" : "";
  return `"${org.divisions.nameOf(divisionId)}"${home}`;
}
function checkGrants(verdict) {
  const roleBreached = /* @__PURE__ */ new Set();
  for (const grant of verdict.person.grants) {
    if (!roleBreached.has(grant.roleId) && roleBreach(verdict, grant)) roleBreached.add(grant.roleId);
    const divisionBreached = divisionBreach(verdict, grant);
    if (!roleBreached.has(grant.roleId) && !divisionBreached) privilegedWarning(verdict, grant);
  }
}
function roleBreach(verdict, grant) {
  const { rules, org } = verdict;
  const role = org.roles.nameOf(grant.roleId);
  if (rules.forbiddenRoles?.has(grant.roleId)) {
    at2(
      verdict,
      "roles_divisions",
      "policy-role-forbidden",
      `Role "${role}" may not be granted through imports (forbidden_roles in ${rules.file})`
    );
    return true;
  }
  if (rules.allowedRoles && !rules.allowedRoles.has(grant.roleId)) {
    at2(
      verdict,
      "roles_divisions",
      "policy-role-not-allowed",
      `Role "${role}" may not be granted through imports: it is not in allowed_roles of ${rules.file}`
    );
    return true;
  }
  return false;
}
function divisionBreach(verdict, grant) {
  const { rules, org } = verdict;
  if (!rules.allowedDivisions || rules.allowedDivisions.has(grant.divisionId)) return false;
  const hint = grant.divisionId === org.snapshot.homeDivisionId ? "; a role without [division] is granted in the home division" : "";
  at2(
    verdict,
    "roles_divisions",
    "policy-division-not-allowed",
    `Role "${org.roles.nameOf(grant.roleId)}" may not be granted in division ${divisionText(verdict, grant.divisionId)}: it is not in allowed_divisions of ${rules.file}${hint}`
  );
  return true;
}
function privilegedWarning(verdict, grant) {
  const { rules, org, person } = verdict;
  if (!rules.privilegedRoles.has(grant.roleId)) return;
  const message = `Grants privileged role "${org.roles.nameOf(grant.roleId)}" in division "${org.divisions.nameOf(grant.divisionId)}" to ${person.email}`;
  if (person.warnings.some((warning) => warning.code === "privileged-role" && warning.message === message))
    return;
  at2(verdict, "roles_divisions", "privileged-role", message, "warning");
}
function checkDivision(verdict) {
  const { person, rules, org } = verdict;
  const into = person.action === "create" ? person.create?.divisionId ?? null : person.moveToDivisionId;
  if (into === null || !rules.allowedDivisions || rules.allowedDivisions.has(into)) return;
  const home = into === org.snapshot.homeDivisionId ? "; a blank division cell means the home division" : "";
  at2(
    verdict,
    "division",
    "policy-division-not-allowed",
    person.action === "create" ? `${person.email} may not be created in division ${divisionText(verdict, into)}: it is not in allowed_divisions of ${rules.file}${home}` : `${person.email} may not be moved into division ${divisionText(verdict, into)}: it is not in allowed_divisions of ${rules.file}`
  );
}

// src/policy/check.ts
function rulesGate(policy, options) {
  return (org, root) => {
    const file = options.policyFile ?? root;
    const names2 = resolveNames(policy, org, file);
    const rules = { ...names2.rules, file: options.policyName ?? file };
    return {
      person: (person) => checkPerson(person, rules, org),
      phone: (phone) => checkPhone2(phone, rules),
      findings: ({ asked: asked2 }) => [
        ...options.reportUnknownNames === false ? [] : names2.findings,
        ...maxChangesFinding(asked2, policy, options.labels, { file, root })
      ]
    };
  };
}
function policyGate(options) {
  const { judge, changed, labels } = options;
  const rules = rulesGate(judge.parsed?.policy ?? DEFAULT_POLICY, {
    labels,
    policyFile: judge.parsed === null ? null : judge.file,
    ...judge.name === void 0 ? {} : { policyName: judge.name },
    ...changed === null ? {} : { reportUnknownNames: false }
  });
  return (org, root) => {
    const gate2 = rules(org, root);
    const more = changed === null ? () => judge.parsed?.findings ?? [] : ({ written: written2 }) => [
      ...versionProblems(changed, org, "all"),
      ...inForceInvalid(judge, versionProblems(judge, org, "errors"), written2)
    ];
    return withFindings(gate2, more);
  };
}
function withFindings(gate2, more) {
  return { ...gate2, findings: (rows) => [...more(rows), ...gate2.findings(rows)] };
}
function versionProblems(version, org, which) {
  if (!version.parsed) return [];
  const own = version.parsed.findings.filter((finding2) => which === "all" || finding2.severity === "error");
  const names2 = version.parsed.policy ? resolveNames(version.parsed.policy, org, version.file).findings : [];
  return [...own, ...names2];
}
function inForceInvalid(judge, problems, written2) {
  const rows = written2.people + written2.phones;
  const first = problems[0];
  if (!first || rows === 0) return [];
  const errors = problems.length === 1 ? "an error" : `${problems.length} errors`;
  return [
    {
      severity: "error",
      file: judge.file,
      line: 1,
      column: null,
      code: "policy-in-force-invalid",
      message: `The policy that judges this change (${judge.name ?? judge.file}) has ${errors} (line ${first.line}: ${first.message}), so it cannot say what is allowed: none of the ${rows} rows to write is written. Merge the fix of the policy on its own first; rows are judged by it from the next change on.`
    }
  ];
}
function maxChangesFinding(asked2, policy, labels, where2) {
  const { people, phones } = asked2;
  const total = people + phones;
  if (total <= policy.maxChanges) return [];
  const line = policy.lines.max_changes;
  const place = { file: where2.file, line: line ?? 1, column: line === void 0 ? null : "max_changes" };
  const rows = `${total} rows (${people} ${people === 1 ? "person" : "people"}, ${phones} ${phones === 1 ? "phone" : "phones"})`;
  const limit = `max_changes (${policy.maxChanges}${line === void 0 ? ", the default" : ""})`;
  const label = policy.overrideLabel;
  if (label !== null && labels.some((given) => given.trim().toLowerCase() === label.trim().toLowerCase())) {
    return [
      {
        severity: "warning",
        ...place,
        code: "max-changes-overridden",
        message: `This change creates or updates ${rows}, more than ${limit}; allowed by the pull request label "${label}"`
      }
    ];
  }
  const policyPath = where2.file === where2.root ? `${where2.root.replace(/[\\/]+$/, "")}/policy.yml` : where2.file;
  const lift = label === null ? `split it into smaller pull requests, or raise max_changes in ${policyPath} (or set override_label there and add that label to the pull request)` : `add the label "${label}" to the pull request (override_label), split it, or raise max_changes in ${policyPath}`;
  return [
    {
      severity: "error",
      ...place,
      code: "max-changes",
      message: `This change creates or updates ${rows}, more than ${limit}; to go ahead, ${lift}`
    }
  ];
}

// src/policy/offline.ts
var names = (entries) => entries === null ? null : new Set(entries.map((entry) => entry.value.toLowerCase()));
function checkImportsOffline(imports, policy, file) {
  const findings = [];
  const domains = policy.allowedEmailDomains?.map((entry) => entry.value) ?? null;
  const forbidden = names(policy.forbiddenRoles) ?? /* @__PURE__ */ new Set();
  const allowedRoles = names(policy.allowedRoles);
  const allowedDivisions = names(policy.allowedDivisions);
  const at3 = (row, column, code2, message) => findings.push({ severity: "error", file: row.file, line: row.line, column, code: code2, message });
  const checkPerson2 = (row) => {
    for (const [column, email] of [
      ["email", row.email],
      ["email_manager", row.managerEmail]
    ]) {
      const breach = email ? emailDomainBreach(email, domains, file) : null;
      if (breach) at3(row, column, "policy-email-domain", breach);
    }
    for (const grant of row.roles) {
      const role = grant.role.toLowerCase();
      if (forbidden.has(role)) {
        at3(
          row,
          "roles_divisions",
          "policy-role-forbidden",
          `Role "${grant.role}" may not be granted through imports (forbidden_roles in ${file})`
        );
      } else if (allowedRoles && !allowedRoles.has(role)) {
        at3(
          row,
          "roles_divisions",
          "policy-role-not-allowed",
          `Role "${grant.role}" may not be granted through imports: it is not in allowed_roles of ${file}`
        );
      }
      for (const division of grant.divisions) {
        if (allowedDivisions && !allowedDivisions.has(division.toLowerCase())) {
          at3(
            row,
            "roles_divisions",
            "policy-division-not-allowed",
            `Role "${grant.role}" may not be granted in division "${division}": it is not in allowed_divisions of ${file}`
          );
        }
      }
    }
    if (row.division && allowedDivisions && !allowedDivisions.has(row.division.toLowerCase())) {
      at3(
        row,
        "division",
        "policy-division-not-allowed",
        `${row.email} may not be in division "${row.division}": it is not in allowed_divisions of ${file}`
      );
    }
  };
  for (const batch of imports.batches) {
    batch.people.forEach(checkPerson2);
    for (const phone of batch.phones) {
      const breach = emailDomainBreach(phone.email, domains, file);
      if (breach) at3(phone, "email", "policy-email-domain", breach);
    }
    const rows = batch.people.length + batch.phones.length;
    if (rows > policy.maxChanges) {
      findings.push({
        severity: "warning",
        file: batch.dir,
        line: 1,
        column: null,
        code: "policy-max-changes-rows",
        message: `Batch "${batch.name}" has ${rows} rows, more than max_changes (${policy.maxChanges}) in ${file}: if they are new, the preview refuses them${policy.overrideLabel ? ` unless the pull request has the label "${policy.overrideLabel}"` : ""}.`
      });
    }
  }
  return findings;
}

// src/review/review.ts
import { createHash } from "node:crypto";
var REVIEW_VERSION = 1;
var hash = (text2, chars) => createHash("sha256").update(text2).digest("base64").replace(/=+$/, "").slice(0, chars);
var ATOM_CHARS = 4;
var DIGEST_CHARS = 8;
var SOURCE_CHARS = 12;
var nameHash = (name) => hash(`batch\0${name}`, DIGEST_CHARS);
var ADD_ONLY = /* @__PURE__ */ new Set(["roles_divisions", "queues", "skills"]);
var fieldAtom = (change) => `${change.field}\0${change.before}\0${change.after}`;
function atomsOfChange(kind, row, change) {
  if (kind === "phone" || !ADD_ONLY.has(change.field)) return [fieldAtom(change)];
  const person = row;
  if (change.field === "roles_divisions")
    return person.grants.map((g) => `grant\0${g.roleId}\0${g.divisionId}`);
  if (change.field === "queues") return person.queueIds.map((id) => `queue\0${id}`);
  return person.skills.map((skill) => `skill\0${skill.skillId}\0${skill.proficiency}`);
}
function personAtoms(person) {
  const fields = person.changes.filter((change) => !ADD_ONLY.has(change.field)).map(fieldAtom);
  const added = ["roles_divisions", "queues", "skills"].flatMap(
    (field2) => atomsOfChange("person", person, { field: field2, before: "", after: "" })
  );
  return [...fields, ...added];
}
function phoneAtoms(phone) {
  return [...phone.changes.map(fieldAtom), `person\0${phone.person.emailKey}`];
}
function recordRow(kind, row) {
  if (row.action !== "create" && row.action !== "update") return null;
  const texts = kind === "person" ? personAtoms(row) : phoneAtoms(row);
  const atoms = [...new Set(texts.map((text2) => hash(text2, ATOM_CHARS)))].sort();
  const digest = hash(`${kind}\0${row.line}\0${row.action}\0${atoms.join("")}`, DIGEST_CHARS);
  return { kind, line: row.line, action: row.action, atoms, digest };
}
function batchRows(batch) {
  return [
    ...batch.people.map((person) => recordRow("person", person)),
    ...batch.phones.map((phone) => recordRow("phone", phone))
  ].filter((row) => row !== null);
}
function batchSource(batch) {
  const strip = (row) => ({ ...row, batch: "", file: "" });
  return hash(JSON.stringify([batch.config, batch.people.map(strip), batch.phones.map(strip)]), SOURCE_CHARS);
}
function batchSources(batches) {
  return new Map(batches.map((batch) => [batch.name, batchSource(batch)]));
}
function reviewOf(plan, sources) {
  const batches = plan.batches.map((batch) => {
    const rows = batchRows(batch);
    return {
      name: nameHash(batch.name),
      source: sources.get(batch.name) ?? "",
      level: "change",
      digest: hash(rows.map((row) => row.digest).join(""), DIGEST_CHARS),
      rows
    };
  });
  return {
    version: REVIEW_VERSION,
    plan: hash(batches.map((batch) => `${batch.name}${batch.source}${batch.digest}`).join(""), SOURCE_CHARS),
    batches
  };
}
function coarsen(review, level) {
  const keep = (batch) => {
    if (level === "change" || batch.level === "batch") return batch;
    if (level === "batch") return { ...batch, level, rows: [] };
    return { ...batch, level, rows: batch.rows.map((row) => ({ ...row, atoms: [] })) };
  };
  return { ...review, batches: review.batches.map(keep) };
}
var REVIEW_BLOCK_START = "<!-- gc-onboard:reviewed v";
var LEVEL_LETTER = { change: "c", row: "r", batch: "b" };
var KIND_LETTER = { person: "p", phone: "f" };
var ACTION_LETTER = { create: "c", update: "u" };
var B64 = "[A-Za-z0-9+/]";
function encodeReview(review) {
  const lines = [`${REVIEW_BLOCK_START}${review.version} ${review.plan}`];
  for (const batch of review.batches) {
    lines.push(`b ${batch.name} ${batch.source || "-"} ${LEVEL_LETTER[batch.level]} ${batch.digest}`);
    for (const row of batch.rows) {
      const head = `${KIND_LETTER[row.kind]}${row.line}${ACTION_LETTER[row.action]}`;
      lines.push(batch.level === "change" ? `${head} ${row.atoms.join("")}` : `${head} ${row.digest}`);
    }
  }
  lines.push("-->");
  return lines.join("\n");
}
function encodeReviewWithin(review, maxChars) {
  for (const level of ["change", "row", "batch"]) {
    const text2 = encodeReview(coarsen(review, level));
    if (text2.length <= maxChars) return text2;
  }
  return null;
}
var HEADER = new RegExp(`^<!-- gc-onboard:reviewed v(\\d+) (${B64}{${SOURCE_CHARS}})$`);
var BATCH_LINE = new RegExp(
  `^b (${B64}{${DIGEST_CHARS}}) (${B64}{${SOURCE_CHARS}}|-) ([crb]) (${B64}{${DIGEST_CHARS}})$`
);
var ROW_LINE = new RegExp(`^([pf])([1-9]\\d{0,8})([cu]) ((?:${B64}{${ATOM_CHARS}})*)$`);
function decodeReview(body) {
  const lines = body.replace(/\r\n/g, "\n").split("\n").slice(1);
  const header = HEADER.exec(lines[0] ?? "");
  if (!header) return { ok: false, why: "it has no reviewed-plan block" };
  if (Number(header[1]) !== REVIEW_VERSION) {
    return {
      ok: false,
      why: `its reviewed-plan block is version ${header[1]}, this gc-onboard reads ${REVIEW_VERSION}`
    };
  }
  const batches = [];
  for (const [index, line] of lines.slice(1).entries()) {
    if (line === "-->")
      return { ok: true, review: { version: REVIEW_VERSION, plan: header[2] ?? "", batches } };
    const bad = { ok: false, why: `line ${index + 3} of its reviewed-plan block is not ours` };
    const batchLine = BATCH_LINE.exec(line);
    if (batchLine) {
      const [, name = "", source = "", letter = "", digest = ""] = batchLine;
      const level = Object.keys(LEVEL_LETTER).find((key) => LEVEL_LETTER[key] === letter);
      if (!level) return bad;
      batches.push({ name, source: source === "-" ? "" : source, level, digest, rows: [] });
      continue;
    }
    const rowLine = ROW_LINE.exec(line);
    const batch = batches.at(-1);
    if (!rowLine || !batch || batch.level === "batch") return bad;
    const [, kind = "", lineNumber = "", action = "", rest = ""] = rowLine;
    const chunks2 = rest.match(new RegExp(`${B64}{${ATOM_CHARS}}`, "g")) ?? [];
    if (batch.level === "row" && rest.length !== DIGEST_CHARS) return bad;
    batch.rows.push({
      kind: kind === "p" ? "person" : "phone",
      line: Number(lineNumber),
      action: action === "c" ? "create" : "update",
      atoms: batch.level === "change" ? chunks2 : [],
      digest: batch.level === "row" ? rest : ""
    });
  }
  return { ok: false, why: "its reviewed-plan block is not closed" };
}
var actionWord = (action) => action === "create" ? "a create" : `an ${action}`;
var MAX_SHOWN = 5;
function changesText(changes) {
  const shown2 = changes.slice(0, MAX_SHOWN).map(
    (change) => change.before === "" ? `${change.field} "${change.after}"` : `${change.field} "${change.before}" \u2192 ${change.after === "" ? "(cleared)" : `"${change.after}"`}`
  );
  const more = changes.length - MAX_SHOWN;
  return `${shown2.join("; ")}${more > 0 ? ` and ${more} more` : ""}`;
}
function unreviewedChanges(kind, row, reviewed) {
  const seen = new Set(reviewed.atoms);
  const fresh = row.changes.filter(
    (change) => atomsOfChange(kind, row, change).some((atom) => !seen.has(hash(atom, ATOM_CHARS)))
  );
  return fresh.length > 0 ? changesText(fresh) : "who the phone is for";
}
function judgeRow(kind, row, now, reviewed, level) {
  if (!now) return null;
  if (!reviewed) {
    return `the preview showed no change for this row, and it is now ${actionWord(now.action)}: re-run the preview to review it`;
  }
  if (reviewed.action !== now.action) {
    return `reviewed as ${actionWord(reviewed.action)}, now ${actionWord(now.action)} (the org changed since the preview) that would set ${changesText(row.changes)}: re-run the preview to review it`;
  }
  if (level === "row") {
    return reviewed.digest === now.digest ? null : `reviewed as ${actionWord(reviewed.action)}, but what it changes is not what the preview showed (the org changed since the preview): re-run the preview`;
  }
  const seen = new Set(reviewed.atoms);
  if (now.atoms.every((atom) => seen.has(atom))) return null;
  return `not in the reviewed preview: ${unreviewedChanges(kind, row, reviewed)}; re-run the preview to review it`;
}
function compareWithReview(plan, current, review) {
  const holds = [];
  const key = (row) => `${row.kind}:${row.line}`;
  for (const [index, batch] of plan.batches.entries()) {
    const now = current.batches[index];
    const reviewed = review.batches.find((candidate) => candidate.name === now.name);
    const holdBatch = (reason) => holds.push({ batch: batch.name, kind: "batch", line: null, reason });
    if (!reviewed) {
      if (now.rows.length > 0) holdBatch("this batch is not in the reviewed preview: re-run the preview");
      continue;
    }
    if (reviewed.source !== now.source) {
      holdBatch("preview is stale: the batch changed after the last preview; re-run the preview");
      continue;
    }
    if (reviewed.level === "batch") {
      if (reviewed.digest !== now.digest) {
        holdBatch(
          "the org changed since the preview, and this batch was too large for the preview to record row by row: re-run the preview"
        );
      }
      continue;
    }
    const reviewedRows = new Map(reviewed.rows.map((row) => [key(row), row]));
    const currentRows = new Map(now.rows.map((row) => [key(row), row]));
    const judge = (kind, row) => {
      const at3 = key({ kind, line: row.line });
      const reason = judgeRow(kind, row, currentRows.get(at3), reviewedRows.get(at3), reviewed.level);
      if (reason) holds.push({ batch: batch.name, kind, line: row.line, reason });
    };
    batch.people.forEach((person) => judge("person", person));
    batch.phones.forEach((phone) => judge("phone", phone));
  }
  return { holds };
}
function holdRows(plan, verdict) {
  if (verdict.holds.length === 0) return plan;
  const batchHold = new Map(
    verdict.holds.filter((hold) => hold.kind === "batch").map((hold) => [hold.batch, hold.reason])
  );
  const rowHold = new Map(
    verdict.holds.filter((hold) => hold.kind !== "batch").map((hold) => [`${hold.batch}:${hold.kind}:${hold.line}`, hold.reason])
  );
  const reasonOf = (kind, row) => batchHold.get(row.batch) ?? rowHold.get(`${row.batch}:${kind}:${row.line}`);
  const held = (row, reason) => {
    if (reason === void 0 || row.action !== "create" && row.action !== "update") return row;
    const finding2 = {
      severity: "error",
      file: row.file,
      line: row.line,
      column: null,
      code: "held",
      message: `held: ${reason}`
    };
    return { ...row, action: "error", errors: [finding2, ...row.errors] };
  };
  const heldPeople = /* @__PURE__ */ new Map();
  const batches = plan.batches.map((batch) => {
    const people = batch.people.map((person) => {
      const reason = reasonOf("person", person);
      if (reason !== void 0) heldPeople.set(`${person.batch}:${person.line}`, person);
      return held(person, reason);
    });
    return { ...batch, people };
  });
  return {
    ...plan,
    batches: batches.map((batch) => ({
      ...batch,
      phones: batch.phones.map((phone) => {
        const owner = phone.person.row;
        const person = owner ? heldPeople.get(`${owner.batch}:${owner.line}`) : void 0;
        const reason = reasonOf("phone", phone) ?? (person && owner ? `its person ${person.email} (${owner.file.split(/[\\/]/).pop() ?? owner.file}:${owner.line}) is held` : void 0);
        return held(phone, reason);
      })
    }))
  };
}

// src/run/commands.ts
async function readPolicy(root, org) {
  const { file, content } = await readPolicyFile(root);
  const text2 = content === null ? null : content.toString("utf8");
  return { file, text: text2, parsed: text2 === null ? null : parsePolicy(text2, file, org) };
}
async function readReviewedPlan(file) {
  const fail2 = (why2) => new Error(`Cannot use "${file}" given with --reviewed: ${why2}`);
  const text2 = await readCapped(file).catch((error) => {
    throw fail2(error instanceof Error ? error.message : String(error));
  });
  let review;
  try {
    review = JSON.parse(text2.toString("utf8")).review;
  } catch {
    throw fail2("it is not JSON");
  }
  if (typeof review !== "string")
    throw fail2('it has no "review" (write it with plan --format json --out FILE)');
  const decoded = decodeReview(`
${review}`);
  if (!decoded.ok) throw fail2(decoded.why.replace(/^it/, "its review"));
  return decoded.review;
}
async function readJudgingPolicy(file) {
  const content = await readCapped(file, MAX_YAML_BYTES).catch((error) => {
    const why2 = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read the policy file "${file}" given with --policy: ${why2}`, { cause: error });
  });
  return { text: content.toString("utf8"), name: `${file} (--policy)` };
}
function gate(local, options) {
  const labels = options.labels ?? [];
  const judgeBy = options.judgeBy;
  const lf = (text2) => text2 === null ? null : text2.replace(/\r\n/g, "\n");
  if (judgeBy === void 0 || lf(judgeBy.text) === lf(local.text)) {
    return policyGate({
      labels,
      judge: { parsed: local.parsed, file: local.file },
      changed: null
    });
  }
  return policyGate({
    labels,
    judge: {
      parsed: judgeBy.text === null ? null : parsePolicy(judgeBy.text, local.file, options.org),
      file: local.file,
      name: judgeBy.name
    },
    changed: { parsed: local.parsed, file: local.file }
  });
}
async function validateImports(root, judgeBy, org) {
  const [imports, local] = await Promise.all([loadImports(root, org), readPolicy(root, org)]);
  const judge = judgeBy === void 0 ? { parsed: local.parsed, name: local.file } : {
    parsed: judgeBy.text === null ? null : parsePolicy(judgeBy.text, local.file, org),
    name: judgeBy.name
  };
  const findings = [
    ...local.parsed?.findings ?? [],
    ...policyOrgFindings(local.parsed?.policy?.orgNames, imports.orgs, local.file),
    ...judge.parsed?.policy ? checkImportsOffline(imports, judge.parsed.policy, judge.name) : []
  ];
  return findings.length === 0 ? imports : { ...imports, findings: [...imports.findings, ...findings] };
}
function policyOrgFindings(names2, orgs, file) {
  if (names2 === void 0) return [];
  if (orgs !== void 0)
    return unknownOrgs(names2, orgs, { file, subject: "policy.yml has a section for org" });
  return names2.map(
    (name) => finding(file, name.line, "orgs", {
      code: "unknown-org",
      message: `policy.yml has a section for org ${quote(name.value)}, but there is no orgs.yml: remove the orgs section, or add orgs.yml.`
    })
  );
}
async function planImports(root, client, options = {}) {
  const [imports, policy] = await Promise.all([
    loadImports(root, options.org),
    readPolicy(root, options.org)
  ]);
  const snapshot = await loadSnapshot(client, snapshotNeed(imports)).catch((error) => {
    throw asMissingPermission(error);
  });
  const plan = buildPlan(imports, snapshot, { ...options, gate: gate(policy, options) });
  return { imports, snapshot, plan, review: reviewOf(plan, batchSources(imports.batches)) };
}
async function applyImports(root, client, options = {}) {
  const planned = await planImports(root, client, options);
  const verdict = options.review ? compareWithReview(planned.plan, planned.review, options.review) : { holds: [] };
  const divisionName = (id) => planned.snapshot.divisions.find((d) => d.id === id)?.name ?? id;
  const result = await applyPlan(
    holdRows(planned.plan, verdict),
    orgWriter(client, planned.snapshot.homeDivisionId),
    {
      ...collectorFor(planned.plan),
      ...client.roleGrantPage === void 0 ? {} : { roleGrantPage: client.roleGrantPage },
      ...options
    }
  ).catch((error) => {
    throw asMissingPermission(error, divisionName);
  });
  return { ...planned, result: withPlannedActions(result, planned.plan), verdict };
}
function withPlannedActions(result, plan) {
  const planned = /* @__PURE__ */ new Map();
  for (const batch of plan.batches) {
    for (const row of batch.people) planned.set(`person:${row.file}:${row.line}`, row.action);
    for (const row of batch.phones) planned.set(`phone:${row.file}:${row.line}`, row.action);
  }
  return {
    ...result,
    rows: result.rows.map((row) => {
      const action = planned.get(`${row.kind}:${row.file}:${row.line}`);
      return action === void 0 || action === row.planned ? row : { ...row, planned: action };
    })
  };
}
async function namedBatch(root, request, batches) {
  if (request.batch === void 0 || batches.length > 0) return { unknownBatch: false, otherOrgBatch: false };
  const elsewhere = request.org !== void 0 && (await loadImports(root)).batches.some((batch) => batch.name === request.batch);
  return { unknownBatch: !elsewhere, otherOrgBatch: elsewhere };
}
async function inviteImports(root, client, request) {
  const imports = await loadImports(root, request.org);
  const batches = dueBatches(imports, request);
  const { unknownBatch, otherOrgBatch } = await namedBatch(root, request, batches);
  const emails = batches.flatMap((batch) => batch.people.map((person) => person.emailKey));
  const users = emails.length === 0 ? [] : await loadUsers(client, emails, {
    // A forced invite goes out whatever the welcome date says, so it needs no re-read.
    confirmWelcome: !request.force
  });
  const selection = selectInvitees(batches, users, request);
  const report = await sendInvites(selection, orgInviter(client));
  return { imports, report, unknownBatch, otherOrgBatch };
}

// src/run/drift.ts
var INVITE_EXPAND2 = ["dateWelcomeSent", "dateLastLogin"];
var IDS_PER_CALL2 = 100;
var LIST_FROM2 = 3;
async function readDates(client, ids) {
  const known = /* @__PURE__ */ new Map();
  const dates = (user, byId) => {
    const { state, dateWelcomeSent, dateLastLogin, welcomeKnown } = toSnapshotUser(user, "", byId);
    return { state, dateWelcomeSent, dateLastLogin, welcomeKnown };
  };
  if (ids.length >= LIST_FROM2) {
    const chunks2 = [];
    for (let i = 0; i < ids.length; i += IDS_PER_CALL2) chunks2.push(ids.slice(i, i + IDS_PER_CALL2));
    const pages2 = await Promise.all(
      chunks2.map(
        (id) => client.users.getUsers({
          id,
          state: "any",
          expand: INVITE_EXPAND2,
          pageSize: IDS_PER_CALL2,
          pageNumber: 1
        })
      )
    );
    for (const user of pages2.flatMap((page) => page.entities ?? [])) {
      if (user.id && user.dateLastLogin) known.set(user.id, dates(user, false));
    }
  }
  await Promise.all(
    ids.filter((id) => !known.has(id)).map(
      async (id) => known.set(id, dates(await client.users.getUser(id, { expand: INVITE_EXPAND2 }), true))
    )
  );
  return known;
}
async function confirmByReading(client, users, confirm) {
  if (confirm.length === 0) return [...users];
  const read = await readDates(
    client,
    confirm.map((user) => user.id)
  );
  return users.map((user) => {
    const dates = read.get(user.id);
    return dates ? { ...user, ...dates } : user;
  });
}
async function driftImports(root, client, options) {
  const planned = await planImports(root, client, {
    today: options.today,
    ...options.org !== void 0 ? { org: options.org } : {}
  });
  const { imports, snapshot, plan } = planned;
  const confirm = usersToConfirm(imports, snapshot.users, options.today, options.now);
  const users = await confirmByReading(client, snapshot.users, confirm);
  return { ...planned, report: driftReport(plan, snapshot, imports, users, options) };
}
async function reinviteExpired(root, client, request, now) {
  const imports = await loadImports(root, request.org);
  const batches = expiredBatches(imports, request);
  const { unknownBatch, otherOrgBatch } = await namedBatch(root, request, batches);
  const emails = batches.flatMap((batch) => batch.people.map((person) => person.emailKey));
  const listed3 = emails.length === 0 ? [] : await loadUsers(client, emails);
  const candidates = new Set(selectExpired(batches, listed3, request, now).invite.map((p) => p.userId));
  const users = await confirmByReading(
    client,
    listed3,
    listed3.filter((user) => candidates.has(user.id))
  );
  const report = await sendInvites(selectExpired(batches, users, request, now), orgInviter(client));
  return { imports, report, unknownBatch, otherOrgBatch };
}

// src/run/orgs.ts
import path5 from "node:path";
var OrgChoiceError = class extends Error {
  name = "OrgChoiceError";
};
async function readOrgs(root) {
  const file = path5.join(root, ORGS_FILE);
  let content;
  try {
    content = await readCapped(file, MAX_YAML_BYTES);
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    if (error instanceof NotAFileError) throw new OrgChoiceError(error.message);
    throw error;
  }
  const { orgs, findings } = parseOrgs(content, file);
  const first = findings.find((finding2) => finding2.severity === "error");
  if (orgs === null || first) {
    const where2 = `${first?.file ?? file}:${first?.line ?? 1}`;
    throw new OrgChoiceError(
      `${where2}: ${first?.message ?? "orgs.yml is unusable"} (run gc-onboard validate)`
    );
  }
  return orgs;
}
function chooseOrg(orgs, name, flag) {
  if (orgs === void 0) {
    if (name === void 0) return void 0;
    throw new OrgChoiceError(
      `${flag} ${name} was given, but the imports folder has no ${ORGS_FILE}: without it there is one org, set by the GENESYSCLOUD_* variables`
    );
  }
  const names2 = orgs.orgs.map((org2) => org2.name).join(", ");
  if (name === void 0) {
    throw new OrgChoiceError(`${orgs.file} names several orgs (${names2}): say which with ${flag}`);
  }
  const org = findOrg(orgs, name);
  if (typeof org === "string") throw new OrgChoiceError(org);
  return org;
}
function orgEnv(org, env) {
  if (!org) return env;
  const withPage = withRoleGrantPage(org, env);
  const region = withPage[ENV.region]?.trim() ?? "";
  const apiRegion = withPage[ENV.apiRegion]?.trim() ?? "";
  if (org.region !== void 0 && region !== "" && regionBaseUrl(region) !== regionBaseUrl(org.region)) {
    throw new OrgChoiceError(
      `${ENV.region} is ${region} but ${ORGS_FILE} puts org ${org.name} in ${org.region}: this job has another org's settings (check the ${org.environment} environment)`
    );
  }
  if (apiRegion !== "") return withPage;
  if (org.apiUrl !== void 0) return { ...withPage, [ENV.apiRegion]: org.apiUrl };
  if (org.region !== void 0 && region === "") return { ...withPage, [ENV.region]: org.region };
  return withPage;
}
function withRoleGrantPage(org, env) {
  if (org?.roleGrantPage === void 0 || env[ENV.roleGrantPage]?.trim()) return env;
  return { ...env, [ENV.roleGrantPage]: String(org.roleGrantPage) };
}
async function checkOrgIdentity(client, org) {
  const expected = org?.genesysOrg;
  if (!org || expected === void 0) return;
  const me = await client.organization.getOrganizationsMe();
  const matches = me.id === expected || (me.name ?? "").toLowerCase() === expected.toLowerCase();
  if (!matches) {
    throw new OrgChoiceError(
      `The credentials for org ${org.name} reach the Genesys Cloud org "${me.name ?? "?"}" (${me.id ?? "?"}), not "${expected}" as ${ORGS_FILE} says: nothing was read or written. Check the secrets of the ${org.environment} environment`
    );
  }
}

// src/run/org.ts
async function openOrg(options) {
  const session = await openConnection(options);
  try {
    await checkOrgIdentity(session.client, options.org);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}
async function openConnection(options) {
  const { connect } = await import("./client-MRGLRAZO.js");
  if (options.sandbox) {
    const { startSandbox, sandboxClients } = await import("./sandbox-T2TJJFGR.js");
    const sandbox = await startSandbox(options.sandbox);
    try {
      const [main, ...pool] = sandboxClients(options.sandbox);
      const connection2 = resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: main?.id ?? "sandbox",
        GENESYSCLOUD_OAUTHCLIENT_SECRET: main?.secret ?? "sandbox",
        GENESYSCLOUD_API_REGION: sandbox.url,
        GENESYSCLOUD_OAUTHCLIENT_POOL: pool.map(({ id, secret }) => `${id}:${secret}`).join(","),
        // As against an org: a page over the sandbox's cap is refused and split, as an org would.
        [ENV.roleGrantPage]: withRoleGrantPage(options.org, options.env ?? process.env)[ENV.roleGrantPage]
      });
      const client2 = await connect(connection2, options);
      return {
        client: client2,
        target: `sandbox ${sandbox.url}`,
        sandbox,
        close: async () => {
          client2.close();
          await sandbox.close();
        }
      };
    } catch (error) {
      await sandbox.close();
      throw error;
    }
  }
  const connection = resolveConnection(orgEnv(options.org, options.env ?? process.env));
  const client = await connect(connection, options);
  return { client, target: connection.apiBaseUrl, close: () => Promise.resolve(client.close()) };
}

// src/doctor/checks.ts
var ok = (text2) => ({ mark: "\u2713", text: text2, blocks: false });
var warn = (text2, fix) => ({
  mark: "!",
  text: text2,
  blocks: false,
  ...fix ? { fix } : {}
});
var fail = (text2, fix, blocks = true) => ({
  mark: "\u2717",
  text: text2,
  fix,
  blocks
});
var BLOCKING = /* @__PURE__ */ new Set(["plan", "apply"]);
function neededPermissions(mode) {
  const all = /* @__PURE__ */ new Set();
  const anyOf = [];
  for (const key of MODE_OPERATIONS[mode]) {
    const requirement = requirementOf(key);
    if (!requirement || requirement.permissions.length === 0) continue;
    if (requirement.type === "ANY" && requirement.permissions.length > 1)
      anyOf.push([...requirement.permissions]);
    else for (const p of requirement.permissions) all.add(p);
  }
  for (const choices of anyOf) {
    if (choices.some((p) => all.has(p))) continue;
    all.add(choices.find((p) => p.split(":").length === 3 && !p.endsWith(":admin")) ?? choices[0] ?? "");
  }
  return [...all].sort();
}
function roleFor(permission, input) {
  const held = new Set(input.grants.map((g) => g.roleId));
  const granting = input.roles.filter(
    (role) => (role.permissions ?? []).some((p) => permissionCovers(p, permission))
  );
  const mine = granting.find((role) => held.has(role.id));
  if (mine) return mine;
  const breadth = (role) => (role.permissions ?? []).reduce((sum, p) => sum + 10 ** p.split(":").filter((x) => x === "*").length, 0);
  return [...granting].sort((a, b) => breadth(a) - breadth(b) || a.name.localeCompare(b.name))[0] ?? null;
}
var callList = (calls) => calls.length <= 2 ? calls.join(", ") : `${calls.slice(0, 2).join(", ")} and ${calls.length - 2} more`;
function gapLine(gap, input) {
  const modes = MODES.filter((m) => gap.modes.has(m));
  const what = gap.any ? `one of ${gap.permissions.join(", ")}` : gap.permissions.join(", ");
  const names2 = [...gap.divisionIds].map((id) => `'${input.divisionName(id)}'`).sort();
  const where2 = names2.length === 0 ? "" : ` in division${names2.length === 1 ? "" : "s"} ${names2.join(", ")}`;
  const text2 = `${modes.join(", ")}: the OAuth client lacks ${what}${where2} (${callList([...gap.calls].sort())})`;
  const permission = gap.permissions.find((p) => p.split(":").length === 3 && !p.endsWith(":admin")) ?? gap.permissions[0] ?? "";
  const role = roleFor(permission, input);
  const fix = role ? `give the OAuth client '${input.clientName}' the role '${role.name}'${where2} (needs ${what})` : `add ${permission} to a role and give it to the OAuth client '${input.clientName}'${where2}`;
  return fail(
    text2,
    fix,
    modes.some((m) => BLOCKING.has(m))
  );
}
function permissionLines(input) {
  const gaps = /* @__PURE__ */ new Map();
  const complete = new Set(MODES);
  for (const mode of MODES) {
    for (const key of MODE_OPERATIONS[mode]) {
      const requirement = requirementOf(key);
      if (!requirement) continue;
      const scope = scopeOf(key);
      const divisions = scope === null ? [null] : input.scopes[scope];
      for (const divisionId of divisions) {
        const denial = denialOf(
          requirement,
          input.grants,
          divisionId === null ? null : [divisionId],
          input.divisionAware
        );
        if (!denial) continue;
        complete.delete(mode);
        const at3 = denial.divisionId ?? (divisionId !== null && denial.permissions.some((p) => input.divisionAware(p)) ? divisionId : null);
        const id = denial.permissions.join(",");
        const gap = gaps.get(id) ?? {
          permissions: denial.permissions,
          any: denial.code === "missing.any.permissions",
          divisionIds: /* @__PURE__ */ new Set(),
          modes: /* @__PURE__ */ new Set(),
          calls: /* @__PURE__ */ new Set()
        };
        if (at3 !== null) gap.divisionIds.add(at3);
        gap.modes.add(mode);
        gap.calls.add(key);
        gaps.set(id, gap);
      }
    }
  }
  const lines = [];
  for (const mode of MODES) {
    if (!complete.has(mode)) continue;
    const where2 = mode === "apply" || mode === "invite" ? " in every division the imports use" : "";
    lines.push(ok(`${mode}: holds ${neededPermissions(mode).join(", ")}${where2}`));
  }
  for (const gap of gaps.values()) lines.push(gapLine(gap, input));
  return lines;
}
function describeGrants(grants, roleName, divisionName) {
  const byRole = /* @__PURE__ */ new Map();
  for (const g of grants) {
    const list = byRole.get(g.roleId) ?? [];
    list.push(g.divisionId === ALL_DIVISIONS ? "all divisions" : `'${divisionName(g.divisionId)}'`);
    byRole.set(g.roleId, list);
  }
  if (byRole.size === 0) return "no roles";
  return [...byRole.entries()].map(([roleId, divisions]) => `'${roleName(roleId)}' in ${divisions.join(", ")}`).join("; ");
}
function resolveLines(kind, uses, lookup, missing) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const use of uses) {
    const key = use.name.trim();
    if (key === "") continue;
    byName2.set(key, [...byName2.get(key) ?? [], use]);
  }
  if (byName2.size === 0) return [];
  const found = [];
  const lines = [];
  for (const [name, at3] of byName2) {
    const item = lookup.find(name);
    if (item) {
      found.push(item.name);
      continue;
    }
    const where2 = `${at3[0]?.where ?? ""}${at3.length > 1 ? ` and ${at3.length - 1} more` : ""}`;
    const suggestion = lookup.suggest(name);
    if (missing === "new") {
      lines.push(
        warn(
          `${kind} '${name}' is not in the org: apply creates it (${where2})${suggestion}`,
          suggestion ? "if it is a typo, correct the name in the CSV" : void 0
        )
      );
    } else {
      lines.push(
        fail(
          `${kind} '${name}' is not in the org (${where2})${suggestion}`,
          suggestion ? `correct the name in the CSV${suggestion}` : `create the ${kind} in Genesys Cloud or correct the name in the CSV`
        )
      );
    }
  }
  if (found.length > 0)
    lines.unshift(
      ok(
        `${found.length} ${found.length === 1 || kind.endsWith("s") ? kind : `${kind}s`} ${found.length === 1 ? "resolves" : "resolve"}: ${[...new Set(found)].sort().join(", ")}`
      )
    );
  return lines;
}
function importLines(imports, snapshot) {
  const org = indexOrg(snapshot);
  const at3 = (file, line) => `${file}:${line}`;
  const people = imports.batches.flatMap((b) => b.people);
  const phones = imports.batches.flatMap((b) => b.phones);
  const lines = [
    ...resolveLines(
      "role",
      people.flatMap((p) => p.roles.map((r) => ({ name: r.role, where: at3(p.file, p.line) }))),
      org.roles,
      "error"
    ),
    ...resolveLines(
      "division",
      people.flatMap((p) => [
        ...p.division ? [{ name: p.division, where: at3(p.file, p.line) }] : [],
        ...p.roles.flatMap((r) => r.divisions.map((d) => ({ name: d, where: at3(p.file, p.line) })))
      ]),
      org.divisions,
      "error"
    ),
    ...resolveLines(
      "queue",
      people.flatMap((p) => p.queues.map((q) => ({ name: q, where: at3(p.file, p.line) }))),
      org.queues,
      "error"
    ),
    ...resolveLines(
      "skill",
      people.flatMap((p) => p.skills.map((s) => ({ name: s.skill, where: at3(p.file, p.line) }))),
      org.skills,
      "error"
    ),
    ...resolveLines(
      "site",
      phones.map((p) => ({ name: p.site, where: at3(p.file, p.line) })),
      org.sites,
      "error"
    ),
    ...resolveLines(
      "base settings",
      phones.map((p) => ({ name: p.baseSettings, where: at3(p.file, p.line) })),
      org.baseSettings,
      "error"
    ),
    ...resolveLines(
      "location",
      people.flatMap((p) => p.location ? [{ name: p.location, where: at3(p.file, p.line) }] : []),
      org.locations,
      "new"
    )
  ];
  lines.push(...callingLines(imports, snapshot));
  return lines;
}
function callingLines(imports, snapshot) {
  const org = indexOrg(snapshot);
  const phones = imports.batches.flatMap((b) => b.phones);
  if (phones.length === 0) return [];
  if (!snapshot.roles.some((r) => (r.permissions?.length ?? 0) > 0)) {
    return [
      warn(
        `cannot check that people with a phone hold ${DEFAULT_PHONE_PERMISSION}: the org's roles listing gives no permissions`
      )
    ];
  }
  const granting = snapshot.roles.filter((r) => (r.permissions ?? []).some((p) => permissionCovers(p, DEFAULT_PHONE_PERMISSION))).map((r) => r.name);
  const lines = [];
  let holding = 0;
  for (const phone of phones) {
    const person = imports.batches.flatMap((b) => b.people).find((p) => p.emailKey === phone.emailKey);
    const fromCsv = (person?.roles ?? []).flatMap((r) => {
      const role = org.roles.find(r.role);
      return role ? [role.id] : [];
    });
    const match = org.users.match(phone.emailKey);
    const existing = match.kind === "one" ? match.user.grants.map((g) => g.roleId) : [];
    if (rolesGrant(snapshot.roles, [...fromCsv, ...existing], DEFAULT_PHONE_PERMISSION)) {
      holding += 1;
      continue;
    }
    lines.push(
      fail(
        `${phone.email} gets a phone but no role with ${DEFAULT_PHONE_PERMISSION} (${phone.file}:${phone.line})`,
        `add a role that grants it to their roles_divisions in people.csv: ${granting.length > 0 ? granting.map((n) => `'${n}'`).join(", ") : `none in this org: give a role ${DEFAULT_PHONE_PERMISSION} first`}`
      )
    );
  }
  if (holding > 0)
    lines.unshift(
      ok(`${holding} ${holding === 1 ? "person" : "people"} with a phone hold ${DEFAULT_PHONE_PERMISSION}`)
    );
  return lines;
}
function importScopes(imports, snapshot, queueDivisions) {
  const org = indexOrg(snapshot);
  const home = snapshot.homeDivisionId;
  const divisionId = (name) => name ? org.divisions.find(name)?.id ?? null : home;
  const user = /* @__PURE__ */ new Set();
  const grant = /* @__PURE__ */ new Set();
  const queue = /* @__PURE__ */ new Set();
  for (const person of imports.batches.flatMap((b) => b.people)) {
    const target = divisionId(person.division);
    if (target) user.add(target);
    const match = org.users.match(person.emailKey);
    if (match.kind === "one") user.add(match.user.divisionId);
    for (const r of person.roles) {
      const ids = r.divisions.length === 0 ? [home] : r.divisions.map((d) => divisionId(d));
      for (const id of ids) if (id) grant.add(id);
    }
    for (const q of person.queues) {
      const found = org.queues.find(q);
      const id = found ? queueDivisions.get(found.id) : void 0;
      if (id) queue.add(id);
    }
  }
  if (user.size === 0) user.add(home);
  const sorted = (s) => [...s].sort();
  return { user: sorted(user), grant: sorted(grant), queue: sorted(queue) };
}

// src/doctor/render.ts
function renderDoctor(sections, exitCode) {
  const out = [];
  for (const section of sections) {
    if (section.lines.length === 0) continue;
    out.push(section.title);
    for (const line of section.lines) {
      out.push(`  ${line.mark} ${line.text}`);
      if (line.fix) out.push(`      fix: ${line.fix}`);
    }
    out.push("");
  }
  const problems = sections.flatMap((s) => s.lines).filter((l) => l.mark === "\u2717");
  const blocking = problems.filter((l) => l.blocks).length;
  out.push(
    exitCode === 2 ? "doctor: could not finish (see the \u2717 line); nothing else was checked." : problems.length === 0 ? "doctor: all good." : `doctor: ${problems.length} problem${problems.length === 1 ? "" : "s"}${blocking > 0 ? `, ${blocking} of them stop plan or apply` : " (none stops plan or apply)"}.`
  );
  return `${out.join("\n")}
`;
}
function doctorExitCode(sections, loggedIn) {
  if (!loggedIn) return 2;
  return sections.some((s) => s.lines.some((l) => l.mark === "\u2717" && l.blocks)) ? 1 : 0;
}

// src/doctor/run.ts
var DEADLINE_MS = 6e4;
var apiClientOf = (client) => client.users.apiClient;
var why = (error) => {
  const missing = missingPermissionOf(error);
  return missing ? forbiddenLine(missing) : fatalLine(error);
};
var hours = (seconds) => seconds % 3600 === 0 ? `${seconds / 3600} h` : `${Math.round(seconds / 60)} min`;
async function runDoctor(options) {
  let org;
  try {
    org = await openOrg({
      sandbox: options.sandbox,
      env: options.env ?? process.env,
      ...options.org ? { org: options.org } : {},
      ...options.onToken ? { onToken: options.onToken } : {},
      ...options.transport ? { transport: options.transport } : {}
    });
  } catch (error) {
    const sections = [
      {
        title: "Connection",
        lines: [
          fail(
            `login: ${fatalLine(error)}`,
            "check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION (or GENESYSCLOUD_API_REGION)"
          )
        ]
      }
    ];
    return { sections, exitCode: 2, text: renderDoctor(sections, 2) };
  }
  try {
    const configuredId = options.sandbox ? options.sandbox.clientId ?? "sandbox" : (options.env ?? process.env).GENESYSCLOUD_OAUTHCLIENT_ID?.trim() ?? null;
    const deadline = options.deadlineMs ?? DEADLINE_MS;
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), deadline);
    });
    const sections = await Promise.race([
      diagnose(
        org.client,
        org.target,
        { root: options.imports, org: options.org?.name },
        configuredId || null
      ),
      late
    ]).finally(() => clearTimeout(timer));
    if (sections === null) {
      const stopped = [
        {
          title: "Connection",
          lines: [
            fail(
              `doctor stopped after ${Math.round(deadline / 1e3)} s: the org answers too slowly`,
              "run doctor again; if it keeps timing out, check the region and the rate limit"
            )
          ]
        }
      ];
      return { sections: stopped, exitCode: 2, text: renderDoctor(stopped, 2) };
    }
    const exitCode = doctorExitCode(sections, true);
    return { sections, exitCode, text: renderDoctor(sections, exitCode) };
  } finally {
    await org.close();
  }
}
async function diagnose(client, target, imports, configuredId) {
  const connection = [ok(`API ${target}`)];
  const { orgInfo, names: names2, home } = await readOrgNames(client);
  const [main, ...pooled] = await Promise.all(
    client.clientIds.map(
      (id, index) => client.onClient(id, () => clientFindings(client, index === 0 ? configuredId : id, names2))
    )
  );
  const mainClient = main;
  connection.push(...mainClient.connection.slice(0, 1));
  if (orgInfo instanceof Error) connection.push(warn(`cannot read the org: ${why(orgInfo)}`));
  else
    connection.push(
      ok(
        `org '${orgInfo.name ?? ""}'${orgInfo.defaultCountryCode ? `, default country ${orgInfo.defaultCountryCode}` : ""}`
      )
    );
  connection.push(...mainClient.connection.slice(1));
  const aware = await divisionAwareness(client);
  const { lines: importSection, scopes } = await importChecks(client, imports, home);
  const checkOf = (findings) => permissionLines({
    clientName: findings.clientName,
    grants: findings.grants,
    roles: names2.orgRoles,
    scopes,
    divisionName: names2.divisionName,
    divisionAware: (p) => aware?.has(p) ?? DIVISION_AWARE.has(p)
  });
  connection.push(rateLimitLine(client.stats()));
  const pool = pooled.length === 0 ? [] : [
    {
      title: poolTitle(client.clientIds.length),
      lines: poolLines(client.clientIds.slice(1), pooled, checkOf)
    }
  ];
  return [
    { title: "Connection", lines: connection },
    { title: "Who we are", lines: mainClient.who },
    {
      title: `Permissions per mode (${MODES.join(", ")}), per division the imports use`,
      lines: checkOf(mainClient)
    },
    ...pool,
    { title: "Imports against the org", lines: importSection }
  ];
}
async function readOrgNames(client) {
  const [orgInfo, divisions, roles] = await Promise.all([
    client.organization.getOrganizationsMe().catch((error) => error),
    pageAll(
      (pageNumber, pageSize) => client.authorization.getAuthorizationDivisions({ pageNumber, pageSize }),
      100
    ),
    pageAll(
      (pageNumber, pageSize) => client.authorization.getAuthorizationRoles({ pageNumber, pageSize }),
      100
    ).then((list) => toRoles(list)).catch((error) => error)
  ]);
  const divisionNames = new Map(divisions.flatMap((d) => d.id ? [[d.id, d.name ?? d.id]] : []));
  const orgRoles = roles instanceof Error ? [] : roles;
  const names2 = {
    divisionIds: divisions.flatMap((d) => d.id ? [d.id] : []),
    orgRoles,
    roleName: (id) => orgRoles.find((r) => r.id === id)?.name ?? id,
    divisionName: (id) => id === ALL_DIVISIONS ? "all divisions" : divisionNames.get(id) ?? id
  };
  return { orgInfo, names: names2, home: divisions.find((d) => d.homeDivision)?.id ?? "" };
}
async function importChecks(client, { root, org }, home) {
  const importSection = [];
  let imports = null;
  try {
    imports = await validateImports(root, void 0, org);
    const errors = imports.findings.filter((f) => f.severity === "error").length;
    const people = imports.batches.reduce((n, b) => n + b.people.length, 0);
    const phones = imports.batches.reduce((n, b) => n + b.phones.length, 0);
    if (errors > 0)
      importSection.push(
        fail(
          `${errors} validation error${errors === 1 ? "" : "s"} in ${root}`,
          `run gc-onboard validate --imports ${root}`
        )
      );
    else
      importSection.push(
        ok(
          `${root}: ${imports.batches.length} batch${imports.batches.length === 1 ? "" : "es"}, ${people} people, ${phones} phones, valid`
        )
      );
  } catch (error) {
    importSection.push(warn(`no imports checked: ${fatalLine(error)}`, "pass --imports DIR"));
  }
  let scopes = { user: home ? [home] : [], grant: home ? [home] : [], queue: [] };
  if (imports && imports.batches.length > 0) {
    try {
      const snapshot = await loadSnapshot(client, snapshotNeed(imports));
      const queueDivisions = await readQueueDivisions(client, imports);
      scopes = importScopes(imports, snapshot, queueDivisions);
      importSection.push(...importLines(imports, snapshot));
    } catch (error) {
      importSection.push(
        fail(
          `cannot read the org for the imports: ${why(error)}`,
          "fix the permissions above, then run doctor again"
        )
      );
    }
  }
  return { lines: importSection, scopes };
}
function rateLimitLine(stats) {
  const lower = Object.entries(stats.limits).filter(([, n]) => n < stats.limit);
  const clients = stats.clients ?? [];
  const pool = clients.length > 1 ? ` over ${clients.length} OAuth clients (${clients.map((c) => `${c.clientId} ${c.limit}`).join(", ")})` : "";
  return ok(
    `rate limit ${stats.limit} requests per ${stats.windowMs / 1e3} s${pool}${lower.length > 0 ? `; lower for ${lower.map(([k, n]) => `${k} ${n}`).join(", ")}` : ""} (from inin-ratelimit-allowed)`
  );
}
var poolTitle = (count2) => `Pool of ${count2} OAuth clients: any call may go to any of them, so each needs what the main client needs`;
function poolLines(ids, findings, checkOf) {
  return findings.flatMap((found, index) => {
    const id = ids[index] ?? "";
    const unread = found.who.filter((line) => line.mark !== "\u2713");
    const gaps = checkOf(found).filter((line) => line.mark !== "\u2713");
    if (unread.length === 0 && gaps.length === 0) {
      const roles = found.who[0]?.text.replace(/^OAuth client /, "") ?? "";
      return [ok(`client ${id}: ${roles}; holds what every mode needs`)];
    }
    return [...unread, ...gaps].map((line) => ({ ...line, text: `client ${id}: ${line.text}` }));
  });
}
async function clientFindings(client, configuredId, names2) {
  const { default: sdk } = await import("./purecloud-platform-client-v2-HQ75PVIW.js");
  const apiClient = apiClientOf(client);
  const me = await new sdk.TokensApi(apiClient).getTokensMe().catch((error) => error);
  const who = [];
  const connection = [];
  const clientId = (me instanceof Error ? null : me.OAuthClient?.id ?? null) ?? configuredId;
  const clientName = me instanceof Error ? "gc-onboard" : me.OAuthClient?.name ?? clientId ?? "gc-onboard";
  connection.push(ok(`logged in (client credentials${clientId ? `, client ${clientId}` : ""})`));
  if (me instanceof Error)
    who.push(
      fail(
        `GET /api/v2/tokens/me failed: ${why(me)}`,
        "check the OAuth client in Admin > Integrations > OAuth",
        false
      )
    );
  let grants = null;
  if (clientId) {
    try {
      const details = await new sdk.OAuthApi(apiClient).getOauthClient(clientId);
      const roleDivisions = (details.roleDivisions ?? []).flatMap(
        (g) => g.roleId && g.divisionId ? [{ roleId: g.roleId, divisionId: g.divisionId }] : []
      );
      grants = roleDivisions.map((g) => ({
        ...g,
        permissions: names2.orgRoles.find((r) => r.id === g.roleId)?.permissions ?? []
      }));
      const ttl = details.accessTokenValiditySeconds;
      connection.push(
        ttl ? ok(`tokens last ${hours(ttl)} (${ttl} s); gc-onboard logs in again when one expires`) : warn("token lifetime not given by the OAuth client")
      );
      who.push(
        ok(
          `OAuth client '${details.name ?? clientName}': ${describeGrants(roleDivisions, names2.roleName, names2.divisionName)}`
        )
      );
    } catch (error) {
      who.push(
        warn(
          `cannot read the OAuth client's roles (${why(error)}); asking the org per permission instead`,
          "give the OAuth client a role with oauth:client:view to see its roles here"
        )
      );
    }
  }
  grants ??= await permittedGrants(client, names2.divisionIds);
  return { clientName, grants, who, connection };
}
async function permittedGrants(client, divisionIds) {
  const wanted = modePermissions();
  const grants = [];
  await Promise.all(
    wanted.map(async (permission) => {
      const page = await client.authorization.getAuthorizationDivisionspermittedPagedMe(permission, { pageSize: 100 }).catch(() => null);
      if (!page) return;
      const ids = page.allDivsPermitted ? [ALL_DIVISIONS] : (page.entities ?? []).flatMap((d) => d.id ? [d.id] : []);
      for (const divisionId of ids.filter((id) => id === ALL_DIVISIONS || divisionIds.includes(id)))
        grants.push({ roleId: "", permissions: [permission], divisionId });
    })
  );
  return grants;
}
async function divisionAwareness(client) {
  const wanted = modePermissions();
  try {
    const listing = await client.authorization.getAuthorizationPermissions({
      queryType: "permission",
      query: wanted.join(","),
      pageSize: 100
    });
    const aware = /* @__PURE__ */ new Set();
    for (const collection of listing.entities ?? [])
      for (const list of Object.values(collection.permissionMap ?? {}))
        for (const p of list) if (p.divisionAware) aware.add(`${p.domain}:${p.entityType}:${p.action}`);
    return aware;
  } catch {
    return null;
  }
}
async function readQueueDivisions(client, imports) {
  const named2 = imports.batches.some((b) => b.people.some((p) => p.queues.length > 0));
  if (!named2) return /* @__PURE__ */ new Map();
  const queues = await pageAll(
    (pageNumber, pageSize) => client.routing.getRoutingQueues({ pageNumber, pageSize }),
    100
  );
  return new Map(queues.flatMap((q) => q.id && q.division?.id ? [[q.id, q.division.id]] : []));
}

// src/render/json.ts
var toJson = ({ file, line, column, code: code2, message }) => ({
  file,
  line,
  column,
  code: code2,
  message
});
function findingsReport(findings) {
  const sorted = uniqueSorted(findings);
  const errors = sorted.filter((f) => f.severity === "error").map(toJson);
  return {
    ok: errors.length === 0,
    errors,
    warnings: sorted.filter((f) => f.severity === "warning").map(toJson)
  };
}
function findingsToJson(findings) {
  return `${JSON.stringify(findingsReport(findings), null, 2)}
`;
}
function planToJson(plan, review) {
  const json = review ? { ...plan, review: encodeReview(review) } : plan;
  return `${JSON.stringify(json, null, 2)}
`;
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table3, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table3.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table3[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table3[rowIndex].length;
    }
    while (++columnIndex2 < table3[rowIndex].length) {
      const cell = serialize(table3[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code2 = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code2;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code2 = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code2 === 99) {
      before = ":";
      after = ":";
    } else if (code2 === 108) {
      before = ":";
    } else if (code2 === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code2 = alignments[columnIndex];
        if (code2 === 114) {
          before = " ".repeat(size);
        } else if (code2 === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code2 = typeof value === "string" ? value.codePointAt(0) : 0;
  return code2 === 67 || code2 === 99 ? 99 : code2 === 76 || code2 === 108 ? 108 : code2 === 82 || code2 === 114 ? 114 : 0;
}

// src/render/markdown.ts
var FIELDS_ONLY = { listUnchanged: false, changes: "fields", maxRows: Infinity };
var LEVELS = [
  { listUnchanged: true, changes: "full", maxRows: Infinity },
  { listUnchanged: false, changes: "full", maxRows: Infinity },
  FIELDS_ONLY
];
var md2 = (value) => escapeMarkdown(clip(value));
function renderer() {
  const caches = { full: /* @__PURE__ */ new Map(), fields: /* @__PURE__ */ new Map() };
  return (detail) => ({ detail, omitted: { rows: 0 }, cells: caches[detail.changes] });
}
function table2(header, items, cells, render, [one, many]) {
  const shown2 = items.slice(0, render.detail.maxRows).map((item) => {
    const cached = render.cells.get(item);
    if (cached) return cached;
    const made = cells(item);
    render.cells.set(item, made);
    return made;
  });
  const blocks = [];
  if (shown2.length > 0) blocks.push(markdownTable([header, ...shown2], { alignDelimiters: false }));
  const left = items.length - shown2.length;
  if (left > 0) {
    render.omitted.rows += left;
    blocks.push(`_\u2026 and ${plural(left, `more ${one}`, `more ${many}`)}, not shown._`);
  }
  return blocks.join("\n\n");
}
var valueText = (value) => value === "" ? "_(none)_" : md2(value);
function changeText(change, isNew) {
  const field2 = `${md2(change.field)}:`;
  return isNew ? `${field2} ${valueText(change.after)}` : `${field2} ${valueText(change.before)} \u2192 ${valueText(change.after)}`;
}
function changesCell(changes, isNew, mode) {
  if (changes.length === 0) return "";
  const fields = changes.map((change) => md2(change.field)).join(", ");
  if (mode === "fields") return fields;
  const lines = changes.map((change) => changeText(change, isNew));
  const inline = lines.join("<br>");
  if (lines.length <= 3 && inline.length <= 200) return inline;
  return `<details><summary>${plural(changes.length, "change")}: ${fields}</summary>${inline}</details>`;
}
function rowCell(row, mode) {
  if (row.action === "error") return md2(row.errors.map((e) => e.code).join(", "));
  if (row.action === "skip")
    return `not applied (update_existing: false): ${changesCell(row.changes, false, "fields")}`;
  return changesCell(row.changes, row.action === "create", mode);
}
function unchangedBlock([one, many], header, items, cells, render) {
  if (items.length === 0) return "";
  const summary = plural(items.length, one, many);
  if (!render.detail.listUnchanged) return `${summary}, not listed.`;
  const rows = table2(header, items, cells, render, ["row", "rows"]);
  return `<details><summary>${summary}</summary>

${rows}

</details>`;
}
function batchSection(batch, invites, render) {
  const mode = render.detail.changes;
  const blocks = [`#### Batch ${md2(batch.name)}`, `**Invites:** ${md2(invites)} (none now)`];
  if (batch.people.length > 0) {
    blocks.push(`**People** (${md2(batch.people[0]?.file ?? "")})`);
    blocks.push(
      table2(
        ["Line", "Action", "Name", "Email", "Changes"],
        batch.people.filter((p) => p.action !== "unchanged"),
        (p) => [String(p.line), PERSON_ACTION[p.action], md2(p.name), md2(p.email), rowCell(p, mode)],
        render,
        ["person", "people"]
      ),
      unchangedBlock(
        ["unchanged person", "unchanged people"],
        ["Line", "Name", "Email"],
        batch.people.filter((p) => p.action === "unchanged"),
        (p) => [String(p.line), md2(p.name), md2(p.email)],
        render
      )
    );
  }
  if (batch.phones.length > 0) {
    blocks.push(`**Phones** (${md2(batch.phones[0]?.file ?? "")})`);
    blocks.push(
      table2(
        ["Line", "Action", "Phone", "Person", "Changes"],
        batch.phones.filter((p) => p.action !== "unchanged"),
        (p) => [String(p.line), PHONE_ACTION[p.action], md2(p.name), md2(p.person.email), rowCell(p, mode)],
        render,
        ["phone", "phones"]
      ),
      unchangedBlock(
        ["unchanged phone", "unchanged phones"],
        ["Line", "Phone", "Person"],
        batch.phones.filter((p) => p.action === "unchanged"),
        (p) => [String(p.line), md2(p.name), md2(p.person.email)],
        render
      )
    );
  }
  return blocks.filter((block) => block !== "").join("\n\n");
}
function findingsTables(findings, render) {
  const blocks = [];
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const cells = (f) => [md2(where(f)), md2(f.column ?? ""), md2(f.code), md2(f.message)];
  if (errors.length > 0) {
    blocks.push(`#### \u274C ${plural(errors.length, "error")}`);
    blocks.push(table2(["Where", "Column", "Code", "Problem"], errors, cells, render, ["error", "errors"]));
  }
  if (warnings.length > 0) {
    blocks.push(`#### \u26A0\uFE0F ${plural(warnings.length, "warning")}`);
    blocks.push(
      table2(["Where", "Column", "Code", "Warning"], warnings, cells, render, ["warning", "warnings"])
    );
  }
  return blocks;
}
function notice({ detail, omitted }, limit) {
  const parts = [];
  if (!detail.listUnchanged) parts.push("unchanged rows are counted, not listed");
  if (detail.changes === "fields") parts.push("changes show only the names of the fields that change");
  if (omitted.rows > 0) {
    parts.push(
      `tables show their first ${plural(detail.maxRows, "row")} (${plural(omitted.rows, "row")} left out)`
    );
  }
  if (parts.length === 0) return "";
  return `> [!NOTE]
> Shortened to fit ${limit.name}: ${parts.join("; ")}. ${limit.fullPlan}`;
}
function planMarkdown(plan, extraFindings, options) {
  const findings = collectFindings(plan, extraFindings);
  const start = renderer();
  const head = [...options.marker === void 0 ? [] : [options.marker], "### gc-onboard plan"];
  if (plan.batches.length === 0) {
    return fit(
      (detail) => {
        const render = start(detail);
        const tables = findingsTables(findings, render);
        return join([
          ...head,
          "Nothing to import: no batch to plan.",
          notice(render, options.limit),
          ...tables
        ]);
      },
      findings.length,
      options.limit
    );
  }
  const { summary } = plan;
  const invites = summary.invites.map((invite) => `${md2(invite.batch)}: ${md2(invitesLine(invite))}`).join(" \xB7 ");
  const overview = [
    `- **People:** ${countsLine(summary.people)}`,
    `- **Phones:** ${countsLine(summary.phones)}`,
    `- **Invites:** none now \xB7 ${invites}`
  ].join("\n");
  const locations = plan.locationsToCreate.length === 0 ? "" : `**Locations apply will create:** ${plan.locationsToCreate.map(
    (l) => md2(l.name) + (l.didYouMean === null ? "" : ` (did you mean ${md2(`"${l.didYouMean}"`)}?)`)
  ).join(", ")}`;
  const rowCount = findings.length + plan.batches.reduce((sum, batch) => sum + batch.people.length + batch.phones.length, 0);
  return fit(
    (detail) => {
      const render = start(detail);
      const tables = findingsTables(findings, render);
      const batches = plan.batches.map((batch, index) => {
        const invite = summary.invites[index];
        return batchSection(batch, invite ? invitesLine(invite) : "", render);
      });
      return join([
        ...head,
        overview,
        notice(render, options.limit),
        locations,
        ...tables,
        ...batches,
        "_Nothing is invited by this change: invites go out on each batch's training day._"
      ]);
    },
    rowCount,
    options.limit
  );
}
function findingsMarkdown2(findings, options) {
  const sorted = uniqueSorted(findings);
  const start = renderer();
  return fit(
    (detail) => {
      const render = start(detail);
      const tables = findingsTables(sorted, render);
      return join([
        ...options.marker === void 0 ? [] : [options.marker],
        "### gc-onboard validate",
        sorted.length === 0 ? "No problems found." : `**${findingsTotal(sorted)}**`,
        notice(render, options.limit),
        ...tables
      ]);
    },
    sorted.length,
    options.limit
  );
}
var join = (blocks) => blocks.filter((block) => block !== "").join("\n\n");
function fit(render, rowCount, limit) {
  const fits = (text2) => limit.measure(text2) <= limit.max;
  const smallest = render(FIELDS_ONLY);
  if (fits(smallest)) {
    for (const detail of LEVELS.slice(0, -1)) {
      const text2 = render(detail);
      if (fits(text2)) return text2;
    }
    return smallest;
  }
  let best;
  let low = 0;
  let high = Math.min(rowCount, Math.ceil(limit.max / 10));
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const text2 = render({ ...FIELDS_ONLY, maxRows: middle });
    if (fits(text2)) {
      best = text2;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best ?? cut(render({ ...FIELDS_ONLY, maxRows: 0 }), limit);
}
function cut(text2, limit) {
  const lines = text2.split("\n");
  const end = `

> [!NOTE]
> Cut short to fit ${limit.name}. ${limit.fullPlan}`;
  const build = (count2) => {
    const kept = lines.slice(0, count2).join("\n");
    const open2 = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
    return kept + "\n\n</details>".repeat(Math.max(0, open2)) + end;
  };
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (limit.measure(build(middle)) <= limit.max) low = middle;
    else high = middle - 1;
  }
  return build(low);
}

// src/render/summary.ts
function summaryLimit(maxBytes) {
  return {
    max: maxBytes,
    measure: (text2) => Buffer.byteLength(text2, "utf8"),
    name: "GitHub's 1 MiB job summary limit",
    fullPlan: "The full plan is in the JSON output: gc-onboard plan --format json."
  };
}
function renderSummary(plan, findings, options = {}) {
  return planMarkdown(plan, findings, { limit: summaryLimit(options.maxBytes ?? SUMMARY_MAX_BYTES) });
}
function renderFindingsMarkdown(findings, options = {}) {
  return findingsMarkdown2(findings, { limit: summaryLimit(options.maxBytes ?? SUMMARY_MAX_BYTES) });
}

export {
  planHasErrors,
  fatalLine,
  isTooLarge,
  countResults,
  resultsToText,
  progressPrinter,
  writeFileMaking,
  writeResults,
  didYouMeanSuffix,
  nameLookup,
  formatDay,
  needsAttention,
  COMMENT_MAX_CHARS,
  SUMMARY_MAX_BYTES,
  escapeMarkdown,
  plainText,
  clip,
  plural,
  countsLine,
  invitesLine,
  PERSON_ACTION,
  PHONE_ACTION,
  collectFindings,
  uniqueSorted,
  findingsTotal,
  DRIFT_MARKER,
  renderDriftText,
  renderDriftMarkdown,
  renderDriftIssue,
  renderDriftClosed,
  driftToJson,
  renderInviteText,
  renderInviteMarkdown,
  inviteToJson,
  PAGE_SIZE,
  phonesPage,
  livePhones,
  toRoles,
  IDS_PER_CALL,
  rereadDropped,
  userGrants,
  queueMemberships,
  toBaseSettings,
  toSnapshotUser,
  toSnapshotPhones,
  toNamed,
  MAX_STAGES,
  isOrgName,
  DEFAULT_BATCH_CONFIG,
  PEOPLE_COLUMNS,
  parsePeople,
  PHONE_COLUMNS,
  parsePhones,
  isBatchFolder,
  readCapped,
  todayIn,
  DEFAULT_MAX_CHANGES,
  DEFAULT_POLICY,
  parsePolicy,
  encodeReviewWithin,
  decodeReview,
  readPolicy,
  readReviewedPlan,
  readJudgingPolicy,
  validateImports,
  planImports,
  applyImports,
  inviteImports,
  driftImports,
  reinviteExpired,
  readOrgs,
  chooseOrg,
  openOrg,
  runDoctor,
  planMarkdown,
  findingsMarkdown2 as findingsMarkdown,
  findingsToJson,
  planToJson,
  renderSummary,
  renderFindingsMarkdown
};
