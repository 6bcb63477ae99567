#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(525);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(604);


process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), (0,_io_js__WEBPACK_IMPORTED_MODULE_1__/* .processIo */ .Wr)());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 604:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Wr: () => (/* binding */ processIo),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   eb: () => (/* binding */ UsageError)
/* harmony export */ });
function processIo() {
    return {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
        env: process.env,
        cwd: process.cwd(),
    };
}
const EXIT = {
    ok: 0,
    failed: 1,
    invalid: 2,
    cancelled: 130,
};
/** A mistake in the command line itself. */
class UsageError extends Error {
    name = 'UsageError';
}


/***/ }),

/***/ 525:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

;// CONCATENATED MODULE: ./src/diagnostics.ts
/**
 * Problems found in the user's input. Every one says what is wrong, where (file:line and the object), and
 * what to do about it, so that a CI log line is enough to fix the manifest without reading our code.
 */
function formatLocation(source) {
    if (!source)
        return '';
    return source.column ? `${source.file}:${source.line}:${source.column}` : `${source.file}:${source.line}`;
}
function describeObject(ref) {
    return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}
/** `file:line: error: Kind ns/name: message. hint` — the shape compilers use, so editors can jump to it. */
function formatDiagnostic(d) {
    const where = formatLocation(d.source);
    const parts = [where ? `${where}: ${d.severity}:` : `${d.severity}:`];
    if (d.object)
        parts.push(`${describeObject(d.object)}:`);
    parts.push(d.message);
    let text = parts.join(' ');
    if (d.hint)
        text += ` (${d.hint})`;
    return text;
}
/** Raised when input is invalid: nothing has touched a cluster, and the CLI exits with code 2. */
class InvalidInputError extends Error {
    diagnostics;
    constructor(diagnostics) {
        const errors = diagnostics.filter((d) => d.severity === 'error');
        super(`${errors.length} error${errors.length === 1 ? '' : 's'} in the input:\n` +
            errors.map((d) => `  ${formatDiagnostic(d)}`).join('\n'));
        this.name = 'InvalidInputError';
        this.diagnostics = diagnostics;
    }
}
function hasErrors(diagnostics) {
    return diagnostics.some((d) => d.severity === 'error');
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + HEX[byte >> 4] + HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = build(state, objectKey);
		if (key === INVALID) continue;
		const value = build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = setBit(0, SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = setBit(mask, SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = setBit(mask, SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = setBit(setBit(mask, SCALAR_STYLE.LITERAL_BLOCK), SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
;// CONCATENATED MODULE: ./src/embedded-cluster/resource-types.ts
/**
 * The kinds the embedded cluster serves, with what discovery, routing and the object lifecycle need to
 * know about each. CRDs add to this table at run time.
 */
function apiVersionOf(t) {
    return t.group ? `${t.group}/${t.version}` : t.version;
}
function groupKind(group, kind) {
    return `${group}/${kind}`;
}
const SPEC_STATUS = ['spec', 'status'];
function t(spec) {
    return {
        singular: spec.kind.toLowerCase(),
        namespaced: true,
        shortNames: [],
        categories: [],
        statusSubresource: false,
        generation: false,
        strategicMerge: true,
        topLevelFields: SPEC_STATUS,
        ...spec,
    };
}
const workload = { statusSubresource: true, generation: true, categories: ['all'] };
const BUILT_IN_TYPES = [
    t({
        group: '',
        version: 'v1',
        kind: 'Namespace',
        plural: 'namespaces',
        namespaced: false,
        shortNames: ['ns'],
        statusSubresource: true,
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'ConfigMap',
        plural: 'configmaps',
        shortNames: ['cm'],
        topLevelFields: ['data', 'binaryData', 'immutable'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Secret',
        plural: 'secrets',
        topLevelFields: ['data', 'stringData', 'type', 'immutable'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'ServiceAccount',
        plural: 'serviceaccounts',
        shortNames: ['sa'],
        topLevelFields: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Service',
        plural: 'services',
        shortNames: ['svc'],
        statusSubresource: true,
        categories: ['all'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Endpoints',
        plural: 'endpoints',
        shortNames: ['ep'],
        topLevelFields: ['subsets'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Pod',
        plural: 'pods',
        shortNames: ['po'],
        statusSubresource: true,
        categories: ['all'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Event',
        plural: 'events',
        shortNames: ['ev'],
        topLevelFields: [
            'involvedObject',
            'reason',
            'message',
            'source',
            'firstTimestamp',
            'lastTimestamp',
            'count',
            'type',
            'eventTime',
            'series',
            'action',
            'related',
            'reportingComponent',
            'reportingInstance',
        ],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'PersistentVolumeClaim',
        plural: 'persistentvolumeclaims',
        shortNames: ['pvc'],
        statusSubresource: true,
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'PersistentVolume',
        plural: 'persistentvolumes',
        namespaced: false,
        shortNames: ['pv'],
        statusSubresource: true,
    }),
    t({
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        plural: 'deployments',
        shortNames: ['deploy'],
        ...workload,
    }),
    t({
        group: 'apps',
        version: 'v1',
        kind: 'ReplicaSet',
        plural: 'replicasets',
        shortNames: ['rs'],
        ...workload,
    }),
    t({
        group: 'apps',
        version: 'v1',
        kind: 'StatefulSet',
        plural: 'statefulsets',
        shortNames: ['sts'],
        ...workload,
    }),
    t({
        group: 'apps',
        version: 'v1',
        kind: 'DaemonSet',
        plural: 'daemonsets',
        shortNames: ['ds'],
        ...workload,
    }),
    t({
        group: 'apps',
        version: 'v1',
        kind: 'ControllerRevision',
        plural: 'controllerrevisions',
        topLevelFields: ['data', 'revision'],
    }),
    t({ group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', ...workload }),
    t({ group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', shortNames: ['cj'], ...workload }),
    t({
        group: 'networking.k8s.io',
        version: 'v1',
        kind: 'Ingress',
        plural: 'ingresses',
        shortNames: ['ing'],
        statusSubresource: true,
        generation: true,
    }),
    t({
        group: 'networking.k8s.io',
        version: 'v1',
        kind: 'IngressClass',
        plural: 'ingressclasses',
        namespaced: false,
    }),
    t({
        group: 'networking.k8s.io',
        version: 'v1',
        kind: 'NetworkPolicy',
        plural: 'networkpolicies',
        shortNames: ['netpol'],
        generation: true,
    }),
    t({
        group: 'autoscaling',
        version: 'v2',
        kind: 'HorizontalPodAutoscaler',
        plural: 'horizontalpodautoscalers',
        shortNames: ['hpa'],
        statusSubresource: true,
        categories: ['all'],
    }),
    t({
        group: 'policy',
        version: 'v1',
        kind: 'PodDisruptionBudget',
        plural: 'poddisruptionbudgets',
        shortNames: ['pdb'],
        statusSubresource: true,
        generation: true,
    }),
    t({
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        kind: 'Role',
        plural: 'roles',
        topLevelFields: ['rules'],
    }),
    t({
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        kind: 'RoleBinding',
        plural: 'rolebindings',
        topLevelFields: ['subjects', 'roleRef'],
    }),
    t({
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        kind: 'ClusterRole',
        plural: 'clusterroles',
        namespaced: false,
        topLevelFields: ['rules', 'aggregationRule'],
    }),
    t({
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        kind: 'ClusterRoleBinding',
        plural: 'clusterrolebindings',
        namespaced: false,
        topLevelFields: ['subjects', 'roleRef'],
    }),
    t({
        group: 'apiextensions.k8s.io',
        version: 'v1',
        kind: 'CustomResourceDefinition',
        plural: 'customresourcedefinitions',
        namespaced: false,
        shortNames: ['crd', 'crds'],
        statusSubresource: true,
        generation: true,
    }),
    t({ group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', plural: 'leases' }),
    t({
        group: 'storage.k8s.io',
        version: 'v1',
        kind: 'StorageClass',
        plural: 'storageclasses',
        namespaced: false,
        shortNames: ['sc'],
        topLevelFields: [
            'provisioner',
            'parameters',
            'reclaimPolicy',
            'mountOptions',
            'allowVolumeExpansion',
            'volumeBindingMode',
            'allowedTopologies',
        ],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Node',
        plural: 'nodes',
        namespaced: false,
        shortNames: ['no'],
        statusSubresource: true,
    }),
];
/** The lookup table: by group/kind, and by group/version/plural for routing. */
class ResourceRegistry {
    byGroupKind = new Map();
    byPath = new Map();
    constructor(types = BUILT_IN_TYPES) {
        for (const type of types)
            this.add(type);
    }
    add(type) {
        const gk = groupKind(type.group, type.kind);
        const list = (this.byGroupKind.get(gk) ?? []).filter((x) => x.version !== type.version);
        list.push(type);
        this.byGroupKind.set(gk, list);
        this.byPath.set(`${type.group}/${type.version}/${type.plural}`, type);
    }
    removeCrdTypes(crdName) {
        const removed = [];
        for (const [key, type] of this.byPath) {
            if (type.fromCrd === crdName) {
                this.byPath.delete(key);
                removed.push(type);
            }
        }
        for (const [gk, list] of this.byGroupKind) {
            const kept = list.filter((x) => x.fromCrd !== crdName);
            if (kept.length)
                this.byGroupKind.set(gk, kept);
            else
                this.byGroupKind.delete(gk);
        }
        return removed;
    }
    byResource(group, version, plural) {
        return this.byPath.get(`${group}/${version}/${plural}`);
    }
    /** Any served version of a kind; the preferred (first added) when version is not given. */
    byKind(group, kind, version) {
        const list = this.byGroupKind.get(groupKind(group, kind));
        if (!list)
            return undefined;
        return version ? list.find((x) => x.version === version) : list[0];
    }
    all() {
        return [...this.byPath.values()];
    }
    /** Group → versions, in the order they were added (the first is preferred). */
    groups() {
        const out = new Map();
        for (const type of this.byPath.values()) {
            const versions = out.get(type.group) ?? [];
            if (!versions.includes(type.version))
                versions.push(type.version);
            out.set(type.group, versions);
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/status-errors.ts
class ApiError extends Error {
    code;
    reason;
    details;
    constructor(code, reason, message, details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
        this.name = 'ApiError';
    }
    toStatus() {
        return {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: this.message,
            reason: this.reason,
            ...(this.details ? { details: this.details } : {}),
            code: this.code,
        };
    }
}
/** `deployments.apps`, `pods`: how the API names a resource in messages. */
function qualifiedResource(plural, group) {
    return group ? `${plural}.${group}` : plural;
}
function notFound(plural, group, name, kind) {
    return new ApiError(404, 'NotFound', `${qualifiedResource(plural, group)} "${name}" not found`, {
        name,
        group,
        kind: plural,
        ...(kind ? {} : {}),
    });
}
function alreadyExists(plural, group, name) {
    return new ApiError(409, 'AlreadyExists', `${qualifiedResource(plural, group)} "${name}" already exists`, {
        name,
        group,
        kind: plural,
    });
}
function conflict(plural, group, name, why) {
    return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(plural, group)} "${name}": ${why}`, {
        name,
        group,
        kind: plural,
    });
}
/** 422 with one cause per field, message shaped like the API server's. */
function invalid(kind, group, name, causes) {
    const qualifiedKind = group ? `${kind}.${group}` : kind;
    const list = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
    const message = list.length === 1
        ? `${qualifiedKind} "${name}" is invalid: ${list[0]}`
        : `${qualifiedKind} "${name}" is invalid: [${list.join(', ')}]`;
    return new ApiError(422, 'Invalid', message, { name, group, kind, causes });
}
function badRequest(message) {
    return new ApiError(400, 'BadRequest', message);
}
function methodNotAllowed(message = 'the server does not allow this method on the requested resource') {
    return new ApiError(405, 'MethodNotAllowed', message);
}
function unsupportedMediaType(contentType) {
    return new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got ${contentType})`);
}
function forbidden(message, details) {
    return new ApiError(403, 'Forbidden', message, details);
}
function gone(message) {
    return new ApiError(410, 'Expired', message);
}
function pageNotFound() {
    return new ApiError(404, 'NotFound', 'the server could not find the requested resource');
}

;// CONCATENATED MODULE: ./src/embedded-cluster/selectors.ts
/** Label and field selectors, as `?labelSelector=` and `?fieldSelector=` accept them. */

/** Splits on commas that are not inside parentheses (`a in (x,y),b`). */
function splitTopLevel(text) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const ch of text) {
        if (ch === '(')
            depth++;
        if (ch === ')')
            depth--;
        if (ch === ',' && depth === 0) {
            parts.push(current);
            current = '';
        }
        else
            current += ch;
    }
    parts.push(current);
    return parts.map((p) => p.trim()).filter(Boolean);
}
function parseRequirement(text) {
    let m = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
    if (m) {
        return {
            op: m[2],
            key: m[1],
            values: m[3]
                .split(',')
                .map((v) => v.trim())
                .filter(Boolean),
        };
    }
    m = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s,()]*)$/.exec(text);
    if (m)
        return { op: m[2] === '!=' ? 'neq' : 'eq', key: m[1], value: m[3] };
    m = /^!\s*([^\s!=()]+)$/.exec(text);
    if (m)
        return { op: 'notexists', key: m[1] };
    m = /^([^\s!=()]+)$/.exec(text);
    if (m)
        return { op: 'exists', key: m[1] };
    throw badRequest(`unable to parse requirement: "${text}"`);
}
function parseLabelSelector(text) {
    if (!text)
        return undefined;
    const reqs = splitTopLevel(text).map(parseRequirement);
    return (labels) => reqs.every((r) => {
        const has = Object.prototype.hasOwnProperty.call(labels, r.key);
        const v = labels[r.key];
        switch (r.op) {
            case 'eq':
                return has && v === r.value;
            case 'neq':
                return !has || v !== r.value;
            case 'in':
                return has && r.values.includes(v);
            case 'notin':
                return !has || !r.values.includes(v);
            case 'exists':
                return has;
            case 'notexists':
                return !has;
        }
    });
}
/** A structured selector (`matchLabels` + `matchExpressions`), as workloads carry. */
function selectorFromSpec(spec) {
    const s = (spec ?? {});
    const matchLabels = s.matchLabels ?? {};
    const exprs = s.matchExpressions ?? [];
    if (Object.keys(matchLabels).length === 0 && exprs.length === 0)
        return () => false;
    return (labels) => Object.entries(matchLabels).every(([k, v]) => labels[k] === v) &&
        exprs.every((e) => {
            const has = Object.prototype.hasOwnProperty.call(labels, e.key);
            switch (e.operator) {
                case 'In':
                    return has && (e.values ?? []).includes(labels[e.key]);
                case 'NotIn':
                    return !has || !(e.values ?? []).includes(labels[e.key]);
                case 'Exists':
                    return has;
                case 'DoesNotExist':
                    return !has;
                default:
                    return false;
            }
        });
}
function fieldValue(obj, path) {
    let cur = obj;
    for (const part of path.split('.')) {
        if (typeof cur !== 'object' || cur === null)
            return '';
        cur = cur[part];
    }
    if (cur === undefined || cur === null)
        return '';
    return String(cur);
}
function parseFieldSelector(text) {
    if (!text)
        return undefined;
    const reqs = splitTopLevel(text).map((part) => {
        const m = /^([^\s!=]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
        if (!m)
            throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
        return { path: m[1], neq: m[2] === '!=', value: m[3] };
    });
    return (obj) => reqs.every((r) => (fieldValue(obj, r.path) === r.value) !== r.neq);
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/discovery.ts
/** Discovery documents (`/api`, `/apis`, `/apis/<group>/<version>`) in their classic JSON forms. */

const SERVER_VERSION = {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0-hook-sync',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23',
    compiler: 'gc',
    platform: 'linux/amd64',
};
const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
function apiVersions(serverAddress) {
    return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
    };
}
function groupEntry(name, versions) {
    const gvs = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
    return { name, versions: gvs, preferredVersion: gvs[0] };
}
function apiGroupList(registry) {
    const groups = [...registry.groups()]
        .filter(([g]) => g !== '')
        .map(([g, versions]) => groupEntry(g, versions));
    return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}
function apiGroup(registry, group) {
    const versions = registry.groups().get(group);
    if (!versions || group === '')
        return undefined;
    return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group, versions) };
}
function resourceEntries(t) {
    const entries = [
        {
            name: t.plural,
            singularName: t.singular,
            namespaced: t.namespaced,
            kind: t.kind,
            verbs: VERBS,
            ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
            ...(t.categories.length ? { categories: t.categories } : {}),
        },
    ];
    if (t.statusSubresource) {
        entries.push({
            name: `${t.plural}/status`,
            singularName: '',
            namespaced: t.namespaced,
            kind: t.kind,
            verbs: ['get', 'patch', 'update'],
        });
    }
    if (t.group === '' && t.kind === 'Pod') {
        entries.push({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
    }
    if (t.group === '' && t.kind === 'Namespace') {
        entries.push({
            name: 'namespaces/finalize',
            singularName: '',
            namespaced: false,
            kind: 'Namespace',
            verbs: ['update'],
        });
    }
    return entries;
}
function apiResourceList(registry, group, version) {
    const types = registry.all().filter((t) => t.group === group && t.version === version);
    if (types.length === 0)
        return undefined;
    types.sort((a, b) => (a.plural < b.plural ? -1 : 1));
    return {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: apiVersionOf({ group, version }),
        resources: types.flatMap(resourceEntries),
    };
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/embedded-cluster/api/openapi.ts
/**
 * Just enough OpenAPI v3 for kubectl: per group-version, the PATCH and POST operations of each kind with
 * the `fieldValidation` and `dryRun` parameters, which is how kubectl learns it may leave validation to the
 * server (`--validate=strict` then sends `fieldValidation=Strict`). No schemas: for built-in kinds kubectl
 * falls back to its compiled-in types when computing client-side apply patches.
 */


const QUERY_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'];
function gvPath(group, version) {
    return group ? `apis/${group}/${version}` : `api/${version}`;
}
function operation(t, action, params) {
    return {
        operationId: `${action}${t.kind}`,
        'x-kubernetes-action': action,
        'x-kubernetes-group-version-kind': { group: t.group, version: t.version, kind: t.kind },
        parameters: params.map((name) => ({ name, in: 'query', schema: { type: 'string', uniqueItems: true } })),
        responses: { '200': { description: 'OK' } },
    };
}
function openApiDocument(registry, group, version) {
    const types = registry.all().filter((t) => t.group === group && t.version === version);
    if (types.length === 0)
        return undefined;
    const paths = {};
    for (const t of types) {
        const base = `/${gvPath(t.group, t.version)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`;
        paths[base] = {
            post: operation(t, 'post', QUERY_PARAMS),
            get: operation(t, 'list', ['labelSelector', 'fieldSelector', 'watch']),
        };
        paths[`${base}/{name}`] = {
            get: operation(t, 'get', []),
            put: operation(t, 'put', QUERY_PARAMS),
            patch: operation(t, 'patch', QUERY_PARAMS),
            delete: operation(t, 'delete', ['dryRun', 'propagationPolicy', 'gracePeriodSeconds']),
        };
    }
    return {
        openapi: '3.0.0',
        info: { title: 'Kubernetes', version: 'v1.32.0' },
        paths,
        components: { schemas: {} },
    };
}
function openApiIndex(registry) {
    const paths = {};
    for (const [group, versions] of registry.groups()) {
        for (const version of versions) {
            const doc = JSON.stringify(openApiDocument(registry, group, version));
            const hash = (0,external_node_crypto_namespaceObject.createHash)('sha512').update(doc).digest('hex').slice(0, 32).toUpperCase();
            paths[gvPath(group, version)] = {
                serverRelativeURL: `/openapi/v3/${gvPath(group, version)}?hash=${hash}`,
            };
        }
    }
    return { paths };
}


;// CONCATENATED MODULE: ./src/embedded-cluster/api/tables.ts
function g(o, path) {
    let cur = o;
    for (const p of path.split('.')) {
        if (typeof cur !== 'object' || cur === null)
            return undefined;
        cur = cur[p];
    }
    return cur;
}
function humanDuration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    if (s < 120)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 10)
        return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
    if (m < 180)
        return `${m}m`;
    const h = Math.floor(m / 60);
    if (h < 48)
        return `${h}h`;
    return `${Math.floor(h / 24)}d`;
}
const age = {
    name: 'Age',
    type: 'string',
    cell: (o) => humanDuration(Date.now() - Date.parse(o.metadata.creationTimestamp)),
};
const tables_name = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name };
function podStatus(o) {
    if (o.metadata.deletionTimestamp)
        return 'Terminating';
    const status = (o.status ?? {});
    let reason = String(status.reason ?? status.phase ?? 'Unknown');
    const initStatuses = (status.initContainerStatuses ?? []);
    for (const [i, c] of initStatuses.entries()) {
        const st = c.state;
        const term = st?.terminated;
        const wait = st?.waiting;
        if (term && term.exitCode === 0)
            continue;
        if (term)
            return `Init:${String(term.reason ?? `ExitCode:${String(term.exitCode)}`)}`;
        if (wait && wait.reason && wait.reason !== 'PodInitializing')
            return `Init:${String(wait.reason)}`;
        return `Init:${i}/${initStatuses.length}`;
    }
    for (const c of (status.containerStatuses ?? [])) {
        const st = c.state;
        const wait = st?.waiting;
        const term = st?.terminated;
        if (wait?.reason)
            reason = String(wait.reason);
        else if (term?.reason)
            reason = String(term.reason);
    }
    return reason;
}
function ready(o) {
    const statuses = (g(o, 'status.containerStatuses') ?? []);
    const total = (g(o, 'spec.containers') ?? []).length;
    return `${statuses.filter((c) => c.ready).length}/${total}`;
}
function jobStatus(o) {
    const conds = (g(o, 'status.conditions') ?? []);
    const isTrue = (t) => conds.some((c) => c.type === t && c.status === 'True');
    if (isTrue('Complete'))
        return 'Complete';
    if (isTrue('Failed'))
        return 'Failed';
    if (isTrue('Suspended'))
        return 'Suspended';
    return 'Running';
}
function servicePorts(o) {
    const ports = (g(o, 'spec.ports') ?? []);
    if (ports.length === 0)
        return '<none>';
    return ports
        .map((p) => `${String(p.port)}${p.nodePort ? `:${String(p.nodePort)}` : ''}/${String(p.protocol ?? 'TCP')}`)
        .join(',');
}
function externalIP(o) {
    const type = g(o, 'spec.type');
    const ingress = (g(o, 'status.loadBalancer.ingress') ?? []);
    if (type === 'LoadBalancer')
        return ingress.length ? ingress.map((i) => String(i.ip ?? i.hostname)).join(',') : '<pending>';
    return '<none>';
}
const num = (path) => (o) => Number(g(o, path) ?? 0);
const COLUMNS = {
    '/Pod': [
        tables_name,
        { name: 'Ready', type: 'string', cell: ready },
        { name: 'Status', type: 'string', cell: podStatus },
        {
            name: 'Restarts',
            type: 'string',
            cell: (o) => String((g(o, 'status.containerStatuses') ?? []).reduce((n, c) => n + Number(c.restartCount ?? 0), 0)),
        },
        age,
    ],
    'batch/Job': [
        tables_name,
        { name: 'Status', type: 'string', cell: jobStatus },
        {
            name: 'Completions',
            type: 'string',
            cell: (o) => `${Number(g(o, 'status.succeeded') ?? 0)}/${Number(g(o, 'spec.completions') ?? 1)}`,
        },
        {
            name: 'Duration',
            type: 'string',
            cell: (o) => {
                const start = g(o, 'status.startTime');
                if (typeof start !== 'string')
                    return '';
                const end = g(o, 'status.completionTime');
                return humanDuration((typeof end === 'string' ? Date.parse(end) : Date.now()) - Date.parse(start));
            },
        },
        age,
    ],
    'apps/Deployment': [
        tables_name,
        {
            name: 'Ready',
            type: 'string',
            cell: (o) => `${Number(g(o, 'status.readyReplicas') ?? 0)}/${Number(g(o, 'spec.replicas') ?? 1)}`,
        },
        { name: 'Up-to-date', type: 'integer', cell: num('status.updatedReplicas') },
        { name: 'Available', type: 'integer', cell: num('status.availableReplicas') },
        age,
    ],
    'apps/ReplicaSet': [
        tables_name,
        { name: 'Desired', type: 'integer', cell: num('spec.replicas') },
        { name: 'Current', type: 'integer', cell: num('status.replicas') },
        { name: 'Ready', type: 'integer', cell: num('status.readyReplicas') },
        age,
    ],
    'apps/StatefulSet': [
        tables_name,
        {
            name: 'Ready',
            type: 'string',
            cell: (o) => `${Number(g(o, 'status.readyReplicas') ?? 0)}/${Number(g(o, 'spec.replicas') ?? 1)}`,
        },
        age,
    ],
    'apps/DaemonSet': [
        tables_name,
        { name: 'Desired', type: 'integer', cell: num('status.desiredNumberScheduled') },
        { name: 'Current', type: 'integer', cell: num('status.currentNumberScheduled') },
        { name: 'Ready', type: 'integer', cell: num('status.numberReady') },
        { name: 'Up-to-date', type: 'integer', cell: num('status.updatedNumberScheduled') },
        { name: 'Available', type: 'integer', cell: num('status.numberAvailable') },
        age,
    ],
    '/Service': [
        tables_name,
        { name: 'Type', type: 'string', cell: (o) => g(o, 'spec.type') ?? 'ClusterIP' },
        { name: 'Cluster-IP', type: 'string', cell: (o) => g(o, 'spec.clusterIP') ?? '<none>' },
        { name: 'External-IP', type: 'string', cell: externalIP },
        { name: 'Port(s)', type: 'string', cell: servicePorts },
        age,
    ],
    '/Namespace': [
        tables_name,
        { name: 'Status', type: 'string', cell: (o) => g(o, 'status.phase') ?? 'Active' },
        age,
    ],
    '/ConfigMap': [
        tables_name,
        {
            name: 'Data',
            type: 'integer',
            cell: (o) => Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length,
        },
        age,
    ],
    '/Secret': [
        tables_name,
        { name: 'Type', type: 'string', cell: (o) => o.type ?? 'Opaque' },
        { name: 'Data', type: 'integer', cell: (o) => Object.keys(o.data ?? {}).length },
        age,
    ],
    '/PersistentVolumeClaim': [
        tables_name,
        { name: 'Status', type: 'string', cell: (o) => g(o, 'status.phase') ?? 'Pending' },
        { name: 'Volume', type: 'string', cell: (o) => g(o, 'spec.volumeName') ?? '' },
        { name: 'Capacity', type: 'string', cell: (o) => g(o, 'status.capacity.storage') ?? '' },
        {
            name: 'Access Modes',
            type: 'string',
            cell: (o) => (g(o, 'spec.accessModes') ?? [])
                .map((m) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[m] ?? m)
                .join(','),
        },
        { name: 'StorageClass', type: 'string', cell: (o) => g(o, 'spec.storageClassName') ?? '' },
        age,
    ],
    '/Event': [
        {
            name: 'Last Seen',
            type: 'string',
            cell: (o) => humanDuration(Date.now() - Date.parse(String(o.lastTimestamp ?? o.metadata.creationTimestamp))),
        },
        { name: 'Type', type: 'string', cell: (o) => o.type ?? '' },
        { name: 'Reason', type: 'string', cell: (o) => o.reason ?? '' },
        {
            name: 'Object',
            type: 'string',
            cell: (o) => `${String(g(o, 'involvedObject.kind') ?? '').toLowerCase()}/${String(g(o, 'involvedObject.name') ?? '')}`,
        },
        { name: 'Message', type: 'string', cell: (o) => o.message ?? '' },
    ],
    'networking.k8s.io/Ingress': [
        tables_name,
        { name: 'Class', type: 'string', cell: (o) => g(o, 'spec.ingressClassName') ?? '<none>' },
        {
            name: 'Hosts',
            type: 'string',
            cell: (o) => (g(o, 'spec.rules') ?? []).map((r) => String(r.host ?? '*')).join(',') || '*',
        },
        {
            name: 'Address',
            type: 'string',
            cell: (o) => (g(o, 'status.loadBalancer.ingress') ?? [])
                .map((i) => String(i.ip ?? i.hostname))
                .join(','),
        },
        { name: 'Ports', type: 'string', cell: (o) => (g(o, 'spec.tls') ? '80, 443' : '80') },
        age,
    ],
    'apiextensions.k8s.io/CustomResourceDefinition': [
        tables_name,
        { name: 'Created At', type: 'date', cell: (o) => o.metadata.creationTimestamp },
    ],
};
function columnsFor(type) {
    return COLUMNS[`${type.group}/${type.kind}`] ?? [tables_name, age];
}
function wantsTable(accept) {
    return !!accept && /;\s*as=Table/.test(accept.split(',')[0] ?? '');
}
function toTable(type, objects, resourceVersion, withColumns = true) {
    const columns = columnsFor(type);
    return {
        kind: 'Table',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { resourceVersion },
        columnDefinitions: withColumns
            ? columns.map((c) => ({
                name: c.name,
                type: c.type,
                format: c.format ?? '',
                description: '',
                priority: c.priority ?? 0,
            }))
            : [],
        rows: objects.map((o) => ({
            cells: columns.map((c) => c.cell(o)),
            object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
        })),
    };
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/http-server.ts
/**
 * The HTTP face of the embedded cluster: Kubernetes' REST paths, JSON everywhere, watches as chunked
 * streams of JSON lines, errors as Status objects. Everything behind it is the ClusterApi.
 */








function sendJson(res, status, body, warnings = []) {
    const text = JSON.stringify(body);
    const headers = {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
    };
    if (warnings.length)
        headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
    res.writeHead(status, headers);
    res.end(text);
}
function sendError(res, err) {
    const headers = {};
    if (err.details?.retryAfterSeconds)
        headers['Retry-After'] = String(err.details.retryAfterSeconds);
    const text = JSON.stringify(err.toStatus());
    res.writeHead(err.code, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
        ...headers,
    });
    res.end(text);
}
async function readBody(req) {
    const chunks = [];
    for await (const chunk of req)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
function parseBody(text, contentType) {
    const media = contentType.split(';')[0].trim();
    // Typed clients try protobuf (or CBOR) first and fall back to JSON when told 415.
    if (media.includes('protobuf') || media.includes('cbor')) {
        throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (the embedded cluster does not speak ${media}; use kubectl apply -f or create -f)`);
    }
    if (!text.trim())
        return undefined;
    try {
        if (media.includes('yaml'))
            return load(text);
        return JSON.parse(text);
    }
    catch (err) {
        throw badRequest(`the request body could not be decoded: ${err.message}`);
    }
}
function stripForList(obj) {
    const { apiVersion: _a, kind: _k, ...rest } = obj;
    return rest;
}
class ClusterHttpServer {
    options;
    server;
    requests = [];
    openStreams = new Set();
    sockets = new Set();
    constructor(options) {
        this.options = options;
        this.server = external_node_http_default().createServer((req, res) => void this.handle(req, res));
        this.server.on('connection', (socket) => {
            this.sockets.add(socket);
            socket.on('close', () => this.sockets.delete(socket));
        });
    }
    async listen(port, host = '127.0.0.1') {
        await new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(port, host, () => resolve());
        });
        const address = this.server.address();
        return `http://${host}:${address.port}`;
    }
    async close() {
        for (const res of this.openStreams)
            res.end();
        for (const socket of this.sockets)
            socket.destroy();
        await new Promise((resolve) => this.server.close(() => resolve()));
    }
    get api() {
        return this.options.api;
    }
    record(req, status) {
        this.requests.push({
            method: req.method ?? 'GET',
            path: req.url ?? '',
            status,
            userAgent: String(req.headers['user-agent'] ?? ''),
        });
        if (this.requests.length > 5000)
            this.requests.splice(0, 1000);
    }
    async handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const isProbe = url.pathname === '/version' ||
            url.pathname === '/healthz' ||
            url.pathname === '/readyz' ||
            url.pathname === '/livez';
        try {
            if (!isProbe) {
                const { latencyMs } = this.options.faults.settings;
                if (latencyMs > 0)
                    await new Promise((r) => setTimeout(r, latencyMs));
                const fault = this.options.faults.roll();
                if (fault === 'reset') {
                    this.record(req, 0);
                    req.socket.destroy();
                    return;
                }
                if (fault !== 'none') {
                    const code = Number(fault);
                    const err = code === 429
                        ? new ApiError(429, 'TooManyRequests', 'the server has received too many requests and has asked us to try again later', { retryAfterSeconds: 1 })
                        : code === 503
                            ? new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request')
                            : new ApiError(500, 'InternalError', 'an error on the server ("injected fault") has prevented the request from succeeding');
                    this.record(req, code);
                    sendError(res, err);
                    return;
                }
                if (this.options.requireToken &&
                    req.headers.authorization !== `Bearer ${this.options.requireToken}`) {
                    this.record(req, 401);
                    sendError(res, new ApiError(401, 'Unauthorized', 'Unauthorized'));
                    return;
                }
            }
            const status = await this.route(req, res, url);
            this.record(req, status);
        }
        catch (err) {
            const apiErr = err instanceof ApiError
                ? err
                : new ApiError(500, 'InternalError', `an error on the server ("${err.message}") has prevented the request from succeeding`);
            if (!(err instanceof ApiError))
                console.error(err);
            this.record(req, apiErr.code);
            if (!res.headersSent)
                sendError(res, apiErr);
            else
                res.end();
        }
    }
    async route(req, res, url) {
        const path = url.pathname.replace(/\/+$/, '') || '/';
        const method = req.method ?? 'GET';
        const registry = this.api.registry;
        const host = req.headers.host ?? '127.0.0.1';
        if (path === '/version')
            return this.reply(res, 200, SERVER_VERSION);
        if (path === '/healthz' || path === '/livez' || path === '/readyz') {
            res.writeHead(200, { 'Content-Type': 'text/plain' });
            res.end('ok');
            return 200;
        }
        if (path === '/api')
            return this.reply(res, 200, apiVersions(host));
        if (path === '/apis')
            return this.reply(res, 200, apiGroupList(registry));
        if (path === '/openapi/v3')
            return this.reply(res, 200, openApiIndex(registry));
        if (path.startsWith('/openapi/v3/')) {
            const parts = path.slice('/openapi/v3/'.length).split('/');
            const doc = parts[0] === 'api'
                ? openApiDocument(registry, '', parts[1] ?? '')
                : openApiDocument(registry, parts[1] ?? '', parts[2] ?? '');
            if (!doc)
                throw pageNotFound();
            return this.reply(res, 200, doc);
        }
        const segments = path.split('/').filter(Boolean);
        let group;
        let version;
        let rest;
        if (segments[0] === 'api' && segments.length >= 2) {
            group = '';
            version = segments[1];
            rest = segments.slice(2);
        }
        else if (segments[0] === 'apis' && segments.length >= 2) {
            group = segments[1];
            if (segments.length === 2) {
                const doc = apiGroup(registry, group);
                if (!doc)
                    throw pageNotFound();
                return this.reply(res, 200, doc);
            }
            version = segments[2];
            rest = segments.slice(3);
        }
        else
            throw pageNotFound();
        if (rest.length === 0) {
            const doc = apiResourceList(registry, group, version);
            if (!doc)
                throw pageNotFound();
            return this.reply(res, 200, doc);
        }
        const route = this.resolve(group, version, rest);
        return this.dispatch(req, res, url, method, route);
    }
    resolve(group, version, rest) {
        const registry = this.api.registry;
        let watchPrefix = false;
        if (rest[0] === 'watch') {
            watchPrefix = true;
            rest = rest.slice(1);
        }
        let namespace;
        if (rest[0] === 'namespaces' && rest.length >= 3) {
            const candidate = registry.byResource(group, version, rest[2]);
            if (candidate?.namespaced) {
                namespace = rest[1];
                rest = rest.slice(2);
            }
        }
        const type = registry.byResource(group, version, rest[0]);
        if (!type)
            throw pageNotFound();
        if (rest.length > 3)
            throw pageNotFound();
        return { type, namespace, name: rest[1], subresource: rest[2], watchPrefix };
    }
    reply(res, status, body, warnings = []) {
        sendJson(res, status, body, warnings);
        return status;
    }
    writeOptions(url, req, subresource) {
        const q = url.searchParams;
        const dryRun = q.getAll('dryRun');
        const ua = String(req.headers['user-agent'] ?? '');
        return {
            dryRun: dryRun.includes('All'),
            fieldManager: q.get('fieldManager') ?? (ua.split('/')[0] || undefined),
            fieldValidation: q.get('fieldValidation') ?? undefined,
            force: q.get('force') === 'true',
            subresource: subresource === 'status' ? 'status' : undefined,
            warnings: [],
        };
    }
    async dispatch(req, res, url, method, route) {
        const type = route.type;
        const q = url.searchParams;
        const { namespace, name, subresource } = route;
        if (subresource && !['status', 'log', 'finalize'].includes(subresource))
            throw pageNotFound();
        if (subresource === 'status' && !type.statusSubresource)
            throw pageNotFound();
        if (subresource === 'log' && !(type.group === '' && type.kind === 'Pod'))
            throw pageNotFound();
        if (!name) {
            if (method === 'GET') {
                if (route.watchPrefix || q.get('watch') === 'true' || q.get('watch') === '1')
                    return this.watch(req, res, url, type, namespace);
                return this.list(req, res, url, type, namespace);
            }
            if (method === 'POST') {
                const options = this.writeOptions(url, req);
                const body = parseBody(await readBody(req), String(req.headers['content-type'] ?? 'application/json'));
                const created = this.api.create(type, namespace, body, options);
                return this.reply(res, options.dryRun ? 200 : 201, created, options.warnings);
            }
            if (method === 'DELETE') {
                const deleted = [];
                const options = await this.deleteOptions(req, url);
                for (const obj of this.api.list(type, namespace, {
                    labelSelector: q.get('labelSelector'),
                    fieldSelector: q.get('fieldSelector'),
                })) {
                    deleted.push(this.api.delete(type, obj.metadata.namespace, obj.metadata.name, options).object);
                }
                return this.reply(res, 200, {
                    kind: `${type.kind}List`,
                    apiVersion: apiVersionOf(type),
                    metadata: { resourceVersion: String(this.api.store.resourceVersion) },
                    items: deleted.map(stripForList),
                });
            }
            throw methodNotAllowed();
        }
        if (subresource === 'log') {
            if (method !== 'GET')
                throw methodNotAllowed();
            this.api.get(type, namespace, name);
            return this.podLog(req, res, url, namespace, name);
        }
        switch (method) {
            case 'GET': {
                const obj = this.api.get(type, namespace, name);
                if (wantsTable(String(req.headers.accept ?? '')))
                    return this.reply(res, 200, toTable(type, [obj], String(obj.metadata.resourceVersion)));
                return this.reply(res, 200, obj);
            }
            case 'PUT': {
                const options = this.writeOptions(url, req, subresource);
                const body = parseBody(await readBody(req), String(req.headers['content-type'] ?? 'application/json'));
                if (subresource === 'finalize') {
                    // Namespaces: spec.finalizers is what the namespace controller waits on.
                    const current = this.api.get(type, undefined, name);
                    const next = {
                        ...current,
                        spec: {
                            ...current.spec,
                            finalizers: body?.spec?.finalizers ?? [],
                        },
                    };
                    return this.reply(res, 200, this.api.update(type, undefined, name, next, options), options.warnings);
                }
                return this.reply(res, 200, this.api.update(type, namespace, name, body, options), options.warnings);
            }
            case 'PATCH': {
                const options = this.writeOptions(url, req, subresource);
                const contentType = String(req.headers['content-type'] ?? '');
                const body = parseBody(await readBody(req), contentType);
                const exists = !!this.api.tryGet(type, namespace, name);
                const result = this.api.patch(type, namespace, name, contentType, body, options);
                return this.reply(res, !exists && !options.dryRun ? 201 : 200, result, options.warnings);
            }
            case 'DELETE': {
                const options = await this.deleteOptions(req, url);
                const { object, code } = this.api.delete(type, namespace, name, options);
                const warnings = options.warnings ?? [];
                if (code === 200 && !(type.group === '' && type.kind === 'Pod')) {
                    return this.reply(res, 200, {
                        kind: 'Status',
                        apiVersion: 'v1',
                        metadata: {},
                        status: 'Success',
                        details: { name, group: type.group, kind: type.plural, uid: object.metadata.uid },
                    }, warnings);
                }
                return this.reply(res, code, object, warnings);
            }
            default:
                throw methodNotAllowed();
        }
    }
    async deleteOptions(req, url) {
        const q = url.searchParams;
        const body = parseBody(await readBody(req), 'application/json');
        let policy = (q.get('propagationPolicy') ?? body?.propagationPolicy);
        if (!policy && (q.get('orphanDependents') === 'true' || body?.orphanDependents === true))
            policy = 'Orphan';
        if (policy && !['Foreground', 'Background', 'Orphan'].includes(policy)) {
            throw badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
        }
        return {
            propagationPolicy: policy,
            dryRun: q.getAll('dryRun').includes('All') || (body?.dryRun ?? []).includes('All'),
            preconditions: body?.preconditions,
            warnings: [],
        };
    }
    list(req, res, url, type, namespace) {
        const q = url.searchParams;
        const rv = String(this.api.store.resourceVersion);
        let items = this.api.list(type, namespace, {
            labelSelector: q.get('labelSelector'),
            fieldSelector: q.get('fieldSelector'),
        });
        const limit = Number(q.get('limit') ?? 0);
        let start = 0;
        const token = q.get('continue');
        if (token) {
            try {
                start = JSON.parse(Buffer.from(token, 'base64').toString('utf8')).start;
            }
            catch {
                throw badRequest('the provided continue parameter is not valid');
            }
        }
        let next;
        if (limit > 0 && start + limit < items.length)
            next = Buffer.from(JSON.stringify({ start: start + limit })).toString('base64');
        items = limit > 0 ? items.slice(start, start + limit) : items.slice(start);
        if (wantsTable(String(req.headers.accept ?? ''))) {
            const table = toTable(type, items, rv);
            return this.reply(res, 200, next ? { ...table, metadata: { ...table.metadata, continue: next } } : table);
        }
        return this.reply(res, 200, {
            kind: `${type.kind}List`,
            apiVersion: apiVersionOf(type),
            metadata: { resourceVersion: rv, ...(next ? { continue: next } : {}) },
            items: items.map(stripForList),
        });
    }
    watch(req, res, url, type, namespace) {
        const q = url.searchParams;
        const store = this.api.store;
        const gk = groupKind(type.group, type.kind);
        const labels = parseLabelSelector(q.get('labelSelector'));
        const fields = parseFieldSelector(q.get('fieldSelector'));
        const ns = type.namespaced ? namespace : undefined;
        const matches = (o) => !!o &&
            (ns === undefined || o.metadata.namespace === ns) &&
            (!labels || labels(o.metadata.labels ?? {})) &&
            (!fields || fields(o));
        const table = wantsTable(String(req.headers.accept ?? ''));
        let first = true;
        res.writeHead(200, {
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
            'Cache-Control': 'no-cache',
        });
        res.flushHeaders();
        this.openStreams.add(res);
        const write = (eventType, obj) => {
            const presented = this.api.present(type, obj);
            const object = table
                ? toTable(type, [presented], String(obj.metadata.resourceVersion), first)
                : presented;
            first = false;
            res.write(JSON.stringify({ type: eventType, object }) + '\n');
        };
        const translate = (e) => {
            const now = matches(e.object);
            const before = e.type === 'MODIFIED' && matches(e.previous);
            if (e.type === 'DELETED') {
                if (matches(e.previous ?? e.object))
                    write('DELETED', e.object);
            }
            else if (e.type === 'ADDED') {
                if (now)
                    write('ADDED', e.object);
            }
            else if (now && before)
                write('MODIFIED', e.object);
            else if (now && !before)
                write('ADDED', e.object);
            else if (!now && before)
                write('DELETED', e.object);
        };
        const rvParam = q.get('resourceVersion');
        let unsubscribe = () => { };
        const timers = [];
        const stop = () => {
            unsubscribe();
            for (const t of timers)
                clearInterval(t);
            this.openStreams.delete(res);
            if (!res.writableEnded)
                res.end();
        };
        req.on('close', stop);
        res.on('error', stop);
        if (rvParam && rvParam !== '0') {
            const since = Number(rvParam);
            const replay = Number.isFinite(since) ? store.eventsSince(since, gk) : undefined;
            if (!replay) {
                const err = gone(`too old resource version: ${rvParam} (${store.oldestResumableRv})`);
                res.write(JSON.stringify({ type: 'ERROR', object: err.toStatus() }) + '\n');
                stop();
                return 200;
            }
            for (const e of replay)
                translate(e);
        }
        else {
            for (const obj of this.api.list(type, namespace, {
                labelSelector: q.get('labelSelector'),
                fieldSelector: q.get('fieldSelector'),
            })) {
                write('ADDED', this.api.tryGet(type, obj.metadata.namespace, obj.metadata.name) ?? obj);
            }
        }
        unsubscribe = store.subscribe((e) => {
            if (e.gk === gk)
                translate(e);
        });
        if (q.get('allowWatchBookmarks') === 'true') {
            const every = this.options.bookmarkIntervalMs ?? 5000;
            const timer = setInterval(() => {
                const bookmark = {
                    kind: type.kind,
                    apiVersion: apiVersionOf(type),
                    metadata: { resourceVersion: String(store.resourceVersion) },
                };
                res.write(JSON.stringify({ type: 'BOOKMARK', object: bookmark }) + '\n');
            }, every);
            timers.push(timer);
        }
        const timeoutSeconds = Number(q.get('timeoutSeconds') ?? 0);
        if (timeoutSeconds > 0)
            timers.push(setTimeout(stop, timeoutSeconds * 1000));
        const cut = this.options.faults.settings.watchCutMs;
        if (cut > 0)
            timers.push(setTimeout(stop, cut));
        return 200;
    }
    podLog(req, res, url, namespace, pod) {
        const q = url.searchParams;
        const previous = q.get('previous') === 'true';
        const { lines, running, container } = this.options.logs.read(namespace, pod, q.get('container') ?? undefined, previous);
        const timestamps = q.get('timestamps') === 'true';
        const format = (l) => (timestamps ? `${l.time} ${l.text}\n` : `${l.text}\n`);
        let selected = lines;
        const sinceSeconds = Number(q.get('sinceSeconds') ?? 0);
        if (sinceSeconds > 0)
            selected = selected.filter((l) => Date.parse(l.time) >= Date.now() - sinceSeconds * 1000);
        const tail = q.get('tailLines');
        if (tail !== null && Number(tail) >= 0)
            selected = Number(tail) === 0 ? [] : selected.slice(-Number(tail));
        let text = selected.map(format).join('');
        const limitBytes = Number(q.get('limitBytes') ?? 0);
        if (limitBytes > 0)
            text = Buffer.from(text).subarray(0, limitBytes).toString('utf8');
        const follow = q.get('follow') === 'true' && running && !previous;
        if (!follow) {
            res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
            res.end(text);
            return 200;
        }
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
        res.flushHeaders();
        if (text)
            res.write(text);
        this.openStreams.add(res);
        const stopFollow = this.options.logs.follow(namespace, pod, container, (line) => res.write(format(line)), () => {
            this.openStreams.delete(res);
            res.end();
        });
        req.on('close', () => {
            stopFollow();
            this.openStreams.delete(res);
        });
        return 200;
    }
}


;// CONCATENATED MODULE: ./src/embedded-cluster/defaults.ts
function rec(parent, field) {
    const v = parent[field];
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
        return v;
    const created = {};
    parent[field] = created;
    return created;
}
function setDefault(target, field, value) {
    if (target[field] === undefined)
        target[field] = value;
}
function defaultContainer(c) {
    setDefault(c, 'terminationMessagePath', '/dev/termination-log');
    setDefault(c, 'terminationMessagePolicy', 'File');
    const image = typeof c.image === 'string' ? c.image : '';
    const tag = image.includes('@') ? 'digest' : (image.split('/').pop() ?? '').split(':')[1];
    setDefault(c, 'imagePullPolicy', !tag || tag === 'latest' ? 'Always' : 'IfNotPresent');
    if (Array.isArray(c.ports))
        for (const p of c.ports)
            setDefault(p, 'protocol', 'TCP');
}
function defaultPodSpec(spec) {
    setDefault(spec, 'restartPolicy', 'Always');
    setDefault(spec, 'dnsPolicy', 'ClusterFirst');
    setDefault(spec, 'schedulerName', 'default-scheduler');
    setDefault(spec, 'terminationGracePeriodSeconds', 30);
    setDefault(spec, 'securityContext', {});
    for (const list of ['containers', 'initContainers']) {
        if (Array.isArray(spec[list]))
            for (const c of spec[list])
                if (c && typeof c === 'object')
                    defaultContainer(c);
    }
}
function defaultTemplate(spec) {
    const template = rec(spec, 'template');
    rec(template, 'metadata');
    defaultPodSpec(rec(template, 'spec'));
}
function applyCreateDefaults(type, obj, ctx) {
    const spec = () => rec(obj, 'spec');
    switch (`${type.group}/${type.kind}`) {
        case '/Pod': {
            defaultPodSpec(spec());
            obj.status = { phase: 'Pending', qosClass: 'BestEffort' };
            break;
        }
        case '/Namespace': {
            setDefault(spec(), 'finalizers', ['kubernetes']);
            obj.status = { phase: 'Active' };
            obj.metadata.labels = {
                ...(obj.metadata.labels ?? {}),
                'kubernetes.io/metadata.name': obj.metadata.name,
            };
            break;
        }
        case '/Secret': {
            setDefault(obj, 'type', 'Opaque');
            if (obj.stringData && typeof obj.stringData === 'object') {
                const data = rec(obj, 'data');
                for (const [k, v] of Object.entries(obj.stringData))
                    data[k] = Buffer.from(String(v)).toString('base64');
                delete obj.stringData;
            }
            break;
        }
        case '/Service': {
            const s = spec();
            setDefault(s, 'type', 'ClusterIP');
            setDefault(s, 'sessionAffinity', 'None');
            if (s.type !== 'ExternalName') {
                if (s.clusterIP === undefined)
                    s.clusterIP = ctx.allocateClusterIP();
                setDefault(s, 'clusterIPs', [s.clusterIP]);
                setDefault(s, 'ipFamilies', ['IPv4']);
                setDefault(s, 'ipFamilyPolicy', 'SingleStack');
                setDefault(s, 'internalTrafficPolicy', 'Cluster');
            }
            if (Array.isArray(s.ports)) {
                for (const p of s.ports) {
                    setDefault(p, 'protocol', 'TCP');
                    setDefault(p, 'targetPort', p.port);
                    if (s.type === 'NodePort' || s.type === 'LoadBalancer')
                        setDefault(p, 'nodePort', 30000 + Math.floor(ctx.random.next() * 2767));
                }
            }
            if (s.type === 'LoadBalancer')
                setDefault(s, 'externalTrafficPolicy', 'Cluster');
            obj.status = { loadBalancer: {} };
            break;
        }
        case '/PersistentVolumeClaim': {
            setDefault(spec(), 'volumeMode', 'Filesystem');
            setDefault(spec(), 'storageClassName', 'standard');
            obj.status = { phase: 'Pending' };
            break;
        }
        case 'batch/Job': {
            const s = spec();
            setDefault(s, 'parallelism', 1);
            setDefault(s, 'completions', 1);
            setDefault(s, 'backoffLimit', 6);
            setDefault(s, 'completionMode', 'NonIndexed');
            setDefault(s, 'suspend', false);
            setDefault(s, 'podReplacementPolicy', 'TerminatingOrFailed');
            defaultTemplate(s);
            if (!s.manualSelector) {
                const uid = obj.metadata.uid;
                const name = obj.metadata.name;
                s.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
                const tmeta = rec(rec(s, 'template'), 'metadata');
                tmeta.labels = {
                    ...(tmeta.labels ?? {}),
                    'batch.kubernetes.io/controller-uid': uid,
                    'batch.kubernetes.io/job-name': name,
                    'controller-uid': uid,
                    'job-name': name,
                };
            }
            break;
        }
        case 'batch/CronJob': {
            const s = spec();
            setDefault(s, 'concurrencyPolicy', 'Allow');
            setDefault(s, 'suspend', false);
            setDefault(s, 'successfulJobsHistoryLimit', 3);
            setDefault(s, 'failedJobsHistoryLimit', 1);
            break;
        }
        case 'apps/Deployment': {
            const s = spec();
            setDefault(s, 'replicas', 1);
            setDefault(s, 'revisionHistoryLimit', 10);
            setDefault(s, 'progressDeadlineSeconds', 600);
            setDefault(s, 'strategy', {
                type: 'RollingUpdate',
                rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
            });
            defaultTemplate(s);
            break;
        }
        case 'apps/ReplicaSet': {
            setDefault(spec(), 'replicas', 1);
            defaultTemplate(spec());
            break;
        }
        case 'apps/StatefulSet': {
            const s = spec();
            setDefault(s, 'replicas', 1);
            setDefault(s, 'podManagementPolicy', 'OrderedReady');
            setDefault(s, 'revisionHistoryLimit', 10);
            setDefault(s, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
            defaultTemplate(s);
            break;
        }
        case 'apps/DaemonSet': {
            const s = spec();
            setDefault(s, 'revisionHistoryLimit', 10);
            setDefault(s, 'updateStrategy', {
                type: 'RollingUpdate',
                rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
            });
            defaultTemplate(s);
            break;
        }
    }
    if (type.statusSubresource && obj.status === undefined)
        obj.status = {};
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/json-patch.ts
/** RFC 6902 JSON patch (`application/json-patch+json`). */

function parsePointer(pointer) {
    if (pointer === '')
        return [];
    if (!pointer.startsWith('/'))
        throw badRequest(`invalid JSON pointer "${pointer}"`);
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
function resolveParent(doc, parts, pointer) {
    let cur = doc;
    for (const part of parts.slice(0, -1)) {
        if (Array.isArray(cur))
            cur = cur[Number(part)];
        else if (typeof cur === 'object' && cur !== null)
            cur = cur[part];
        else
            cur = undefined;
        if (cur === undefined)
            throw unprocessable(`doc is missing path: "${pointer}"`);
    }
    if (typeof cur !== 'object' || cur === null)
        throw unprocessable(`doc is missing path: "${pointer}"`);
    return { parent: cur, last: parts[parts.length - 1] };
}
function unprocessable(message) {
    return invalid('', '', '', [{ reason: 'FieldValueInvalid', message }]);
}
function getAt(doc, pointer) {
    let cur = doc;
    for (const part of parsePointer(pointer)) {
        if (Array.isArray(cur))
            cur = cur[part === '-' ? cur.length : Number(part)];
        else if (typeof cur === 'object' && cur !== null)
            cur = cur[part];
        else
            return undefined;
    }
    return cur;
}
function add(doc, pointer, value) {
    const parts = parsePointer(pointer);
    if (parts.length === 0)
        return value;
    const { parent, last } = resolveParent(doc, parts, pointer);
    if (Array.isArray(parent)) {
        const i = last === '-' ? parent.length : Number(last);
        if (!Number.isInteger(i) || i < 0 || i > parent.length)
            throw unprocessable(`add operation index out of bounds: ${pointer}`);
        parent.splice(i, 0, value);
    }
    else
        parent[last] = value;
    return doc;
}
function remove(doc, pointer) {
    const parts = parsePointer(pointer);
    const { parent, last } = resolveParent(doc, parts, pointer);
    if (Array.isArray(parent)) {
        const i = Number(last);
        if (!(i >= 0 && i < parent.length))
            throw unprocessable(`remove operation does not apply: doc is missing path: "${pointer}"`);
        parent.splice(i, 1);
    }
    else {
        if (!(last in parent))
            throw unprocessable(`remove operation does not apply: doc is missing path: "${pointer}"`);
        delete parent[last];
    }
    return doc;
}
function applyJsonPatch(target, ops) {
    if (!Array.isArray(ops))
        throw badRequest('json patch must be a list of operations');
    let doc = structuredClone(target);
    for (const raw of ops) {
        switch (raw.op) {
            case 'add':
                doc = add(doc, raw.path, structuredClone(raw.value));
                break;
            case 'remove':
                doc = remove(doc, raw.path);
                break;
            case 'replace':
                doc = remove(doc, raw.path);
                doc = add(doc, raw.path, structuredClone(raw.value));
                break;
            case 'move': {
                const value = getAt(doc, raw.from ?? '');
                doc = remove(doc, raw.from ?? '');
                doc = add(doc, raw.path, value);
                break;
            }
            case 'copy':
                doc = add(doc, raw.path, structuredClone(getAt(doc, raw.from ?? '')));
                break;
            case 'test':
                if (JSON.stringify(getAt(doc, raw.path)) !== JSON.stringify(raw.value)) {
                    throw unprocessable(`testing value ${raw.path} failed`);
                }
                break;
            default:
                throw badRequest(`unexpected json patch operation "${raw.op}"`);
        }
    }
    return doc;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/json-merge-patch.ts
/** RFC 7386 JSON merge patch (`application/merge-patch+json`). */
function json_merge_patch_isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function applyMergePatch(target, patch) {
    if (!json_merge_patch_isPlainObject(patch))
        return structuredClone(patch);
    const out = json_merge_patch_isPlainObject(target) ? { ...target } : {};
    for (const [key, value] of Object.entries(patch)) {
        if (value === null)
            delete out[key];
        else
            out[key] = applyMergePatch(out[key], value);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/list-keys.ts
const BY_FIELD = {
    containers: { type: 'map', keys: ['name'] },
    initContainers: { type: 'map', keys: ['name'] },
    ephemeralContainers: { type: 'map', keys: ['name'] },
    env: { type: 'map', keys: ['name'] },
    volumes: { type: 'map', keys: ['name'] },
    volumeMounts: { type: 'map', keys: ['mountPath'] },
    volumeDevices: { type: 'map', keys: ['devicePath'] },
    imagePullSecrets: { type: 'map', keys: ['name'] },
    hostAliases: { type: 'map', keys: ['ip'] },
    conditions: { type: 'map', keys: ['type'] },
    ownerReferences: { type: 'map', keys: ['uid'] },
    topologySpreadConstraints: { type: 'map', keys: ['topologyKey', 'whenUnsatisfiable'] },
    resourceClaims: { type: 'map', keys: ['name'] },
    finalizers: { type: 'set' },
};
function listStrategy(field, items, typed) {
    // Custom resources have no merge keys without a schema: their lists are atomic.
    if (!typed)
        return field === 'finalizers' ? { type: 'set' } : { type: 'atomic' };
    if (field === 'ports') {
        const first = items.find((i) => typeof i === 'object' && i !== null);
        if (first && 'containerPort' in first)
            return { type: 'map', keys: ['containerPort', 'protocol'] };
        if (first && 'port' in first)
            return { type: 'map', keys: ['port', 'protocol'] };
        return { type: 'atomic' };
    }
    return BY_FIELD[field] ?? { type: 'atomic' };
}
/** Default values that count as part of a key when absent (a port's protocol is TCP). */
const KEY_DEFAULTS = { protocol: 'TCP' };
function keyValues(item, keys) {
    if (typeof item !== 'object' || item === null)
        return undefined;
    const rec = item;
    const out = {};
    for (const k of keys) {
        const v = rec[k] ?? KEY_DEFAULTS[k];
        if (v === undefined) {
            if (k === keys[0])
                return undefined;
            continue;
        }
        out[k] = v;
    }
    return out;
}
/** The `k:{...}` identity of a list item (keys sorted, as fieldsV1 writes them). */
function itemKey(item, keys) {
    const kv = keyValues(item, keys);
    if (!kv)
        return undefined;
    const sorted = Object.keys(kv).sort();
    return JSON.stringify(Object.fromEntries(sorted.map((k) => [k, kv[k]])));
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/field-sets.ts
/**
 * Sets of field paths, the model behind `metadata.managedFields` (`FieldsV1`): who owns which field.
 * A path step is `f:<field>`, `k:<key json>` for an item of a keyed list, `v:<json>` for a member of a set,
 * and `.` for a list item itself. An entry with no children is a leaf: a value owned as a whole.
 */



/** Fields no manager owns: identity and server-set metadata. */
function stripUnowned(obj, withStatus) {
    const copy = { ...obj };
    delete copy.apiVersion;
    delete copy.kind;
    if (!withStatus)
        delete copy.status;
    if (json_merge_patch_isPlainObject(copy.metadata)) {
        const meta = { ...copy.metadata };
        for (const f of [
            'name',
            'namespace',
            'uid',
            'resourceVersion',
            'generation',
            'creationTimestamp',
            'managedFields',
            'deletionTimestamp',
            'deletionGracePeriodSeconds',
            'selfLink',
            'generateName',
        ]) {
            delete meta[f];
        }
        if (Object.keys(meta).length)
            copy.metadata = meta;
        else
            delete copy.metadata;
    }
    return copy;
}
function walk(value, set, typed) {
    if (!json_merge_patch_isPlainObject(value))
        return;
    for (const [field, child] of Object.entries(value)) {
        let node = set.get(`f:${field}`);
        if (!node)
            set.set(`f:${field}`, (node = new Map()));
        if (json_merge_patch_isPlainObject(child))
            walk(child, node, typed);
        else if (Array.isArray(child)) {
            const strategy = listStrategy(field, child, typed);
            if (strategy.type === 'map') {
                for (const item of child) {
                    const key = itemKey(item, strategy.keys);
                    if (key === undefined)
                        continue;
                    let itemSet = node.get(`k:${key}`);
                    if (!itemSet)
                        node.set(`k:${key}`, (itemSet = new Map([['.', new Map()]])));
                    walk(item, itemSet, typed);
                }
            }
            else if (strategy.type === 'set') {
                for (const item of child)
                    node.set(`v:${JSON.stringify(item)}`, new Map());
            }
        }
    }
}
function fieldSetOf(obj, typed) {
    const set = new Map();
    walk(obj, set, typed);
    return set;
}
function leaves(set, prefix = [], out = []) {
    for (const [step, child] of set) {
        const path = [...prefix, step];
        if (child.size === 0)
            out.push(path);
        else
            leaves(child, path, out);
    }
    return out;
}
function hasPath(set, path) {
    let node = set;
    for (const step of path) {
        node = node.get(step);
        if (!node)
            return false;
    }
    return true;
}
function removePath(set, path) {
    const trail = [set];
    let node = set;
    for (const step of path.slice(0, -1)) {
        node = node.get(step);
        if (!node)
            return;
        trail.push(node);
    }
    node.delete(path[path.length - 1]);
    // Prune parents left with nothing but the item marker.
    for (let i = trail.length - 1; i > 0; i--) {
        const t = trail[i];
        if (t.size === 0 || (t.size === 1 && t.has('.')))
            trail[i - 1].delete(path[i - 1]);
        else
            break;
    }
}
function addPath(set, path) {
    let node = set;
    for (const step of path) {
        let next = node.get(step);
        if (!next)
            node.set(step, (next = new Map()));
        node = next;
    }
}
function toFieldsV1(set) {
    const out = {};
    for (const [k, v] of [...set].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        out[k] = toFieldsV1(v);
    return out;
}
function fromFieldsV1(json) {
    const set = new Map();
    if (json_merge_patch_isPlainObject(json))
        for (const [k, v] of Object.entries(json))
            set.set(k, fromFieldsV1(v));
    return set;
}
function matchesKey(item, keyJson) {
    if (!json_merge_patch_isPlainObject(item))
        return false;
    const key = JSON.parse(keyJson);
    return Object.entries(key).every(([k, v]) => (item[k] ?? (k === 'protocol' ? 'TCP' : undefined)) === v);
}
const MISSING = Symbol('missing');
/** The value a path points at in an object, or MISSING. */
function valueAt(obj, path) {
    let cur = obj;
    for (const step of path) {
        if (step === '.')
            return cur;
        if (step.startsWith('f:')) {
            if (!json_merge_patch_isPlainObject(cur) || !(step.slice(2) in cur))
                return MISSING;
            cur = cur[step.slice(2)];
        }
        else if (step.startsWith('k:')) {
            if (!Array.isArray(cur))
                return MISSING;
            const found = cur.find((item) => matchesKey(item, step.slice(2)));
            if (found === undefined)
                return MISSING;
            cur = found;
        }
        else if (step.startsWith('v:')) {
            if (!Array.isArray(cur))
                return MISSING;
            const wanted = step.slice(2);
            return cur.some((v) => JSON.stringify(v) === wanted) ? JSON.parse(wanted) : MISSING;
        }
    }
    return cur;
}
function sameValue(a, b) {
    if (a === MISSING || b === MISSING)
        return a === b;
    return JSON.stringify(a) === JSON.stringify(b);
}
/** Removes what a path points at; a path ending in `.` removes the whole list item. */
function removeValueAt(obj, path) {
    const steps = path[path.length - 1] === '.' ? path.slice(0, -1) : path;
    let cur = obj;
    for (let i = 0; i < steps.length - 1; i++) {
        const step = steps[i];
        if (step.startsWith('f:') && json_merge_patch_isPlainObject(cur))
            cur = cur[step.slice(2)];
        else if (step.startsWith('k:') && Array.isArray(cur))
            cur = cur.find((item) => matchesKey(item, step.slice(2)));
        else
            return;
        if (cur === undefined)
            return;
    }
    const last = steps[steps.length - 1];
    if (last.startsWith('f:') && json_merge_patch_isPlainObject(cur))
        delete cur[last.slice(2)];
    else if (last.startsWith('k:') && Array.isArray(cur)) {
        const i = cur.findIndex((item) => matchesKey(item, last.slice(2)));
        if (i >= 0)
            cur.splice(i, 1);
    }
    else if (last.startsWith('v:') && Array.isArray(cur)) {
        const i = cur.findIndex((v) => JSON.stringify(v) === last.slice(2));
        if (i >= 0)
            cur.splice(i, 1);
    }
}
/** `.spec.template.spec.containers[name="web"].image`, the way the API server prints a field path. */
function describePath(path) {
    let out = '';
    for (const step of path) {
        if (step === '.')
            continue;
        if (step.startsWith('f:'))
            out += `.${step.slice(2)}`;
        else if (step.startsWith('k:')) {
            const key = JSON.parse(step.slice(2));
            out += `[${Object.entries(key)
                .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
                .join(',')}]`;
        }
        else if (step.startsWith('v:'))
            out += `[=${step.slice(2)}]`;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/managed-fields.ts
/**
 * Field ownership: server-side apply (`application/apply-patch+yaml`) and the bookkeeping every other write
 * does, so that `managedFields` reads like a real cluster's and apply conflicts between managers are found.
 */



function readOwners(obj) {
    const meta = obj?.metadata;
    const entries = Array.isArray(meta?.managedFields) ? meta.managedFields : [];
    return entries.map((entry) => ({ entry, set: fromFieldsV1(entry.fieldsV1) }));
}
function writeOwners(obj, owners) {
    const kept = owners.filter((o) => o.set.size > 0);
    const meta = (obj.metadata ?? {});
    meta.managedFields = kept.map((o) => ({ ...o.entry, fieldsV1: toFieldsV1(o.set) }));
    if (kept.length === 0)
        delete meta.managedFields;
    obj.metadata = meta;
}
function mergeApplied(live, config, typed) {
    if (!json_merge_patch_isPlainObject(config))
        return structuredClone(config);
    const out = json_merge_patch_isPlainObject(live) ? { ...live } : {};
    for (const [field, value] of Object.entries(config)) {
        if (value === null)
            delete out[field];
        else if (Array.isArray(value)) {
            const strategy = listStrategy(field, value, typed);
            const current = Array.isArray(out[field]) ? out[field] : [];
            if (strategy.type === 'map') {
                const merged = [...current];
                for (const item of value) {
                    const key = itemKey(item, strategy.keys);
                    const at = key === undefined ? -1 : merged.findIndex((m) => itemKey(m, strategy.keys) === key);
                    if (at >= 0)
                        merged[at] = mergeApplied(merged[at], item, typed);
                    else
                        merged.push(structuredClone(item));
                }
                out[field] = merged;
            }
            else if (strategy.type === 'set') {
                const merged = [...current];
                for (const v of value)
                    if (!merged.some((m) => JSON.stringify(m) === JSON.stringify(v)))
                        merged.push(v);
                out[field] = merged;
            }
            else
                out[field] = structuredClone(value);
        }
        else if (json_merge_patch_isPlainObject(value))
            out[field] = mergeApplied(out[field], value, typed);
        else
            out[field] = value;
    }
    return out;
}
/** Server-side apply. Returns the new object, or the conflicts that stop it (only when not forced). */
function serverSideApply(args) {
    const onStatus = args.subresource === 'status';
    const config = stripUnowned(args.config, onStatus);
    const applied = fieldSetOf(config, args.typed);
    const appliedLeaves = leaves(applied);
    const live = structuredClone(args.live ?? {});
    const owners = readOwners(args.live);
    const isMe = (o) => o.entry.manager === args.manager &&
        o.entry.operation === 'Apply' &&
        (o.entry.subresource ?? '') === (args.subresource ?? '');
    const mine = owners.find(isMe);
    const others = owners.filter((o) => !isMe(o));
    const conflicts = [];
    const taken = [];
    for (const path of appliedLeaves) {
        if (path[path.length - 1] === '.')
            continue;
        const wanted = valueAt(config, path);
        // An empty map owns nothing below it, so it cannot conflict with fields others own inside it.
        if (json_merge_patch_isPlainObject(wanted))
            continue;
        const current = valueAt(live, path);
        if (sameValue(wanted, current))
            continue;
        for (const other of others) {
            if (!hasPath(other.set, path))
                continue;
            if (args.force)
                taken.push({ owner: other, path });
            else
                conflicts.push({
                    manager: other.entry.manager,
                    apiVersion: other.entry.apiVersion,
                    field: describePath(path),
                });
        }
    }
    if (conflicts.length > 0)
        return { conflicts };
    for (const { owner, path } of taken)
        removePath(owner.set, path);
    // Fields this manager applied before and no longer does are removed, unless someone else still owns them.
    if (mine) {
        const dropped = leaves(mine.set).filter((p) => !hasPath(applied, p));
        // Whole list items first, so their own fields need no separate removal.
        dropped.sort((a, b) => a.length - b.length);
        for (const path of dropped) {
            if (others.some((o) => hasPath(o.set, path)))
                continue;
            removeValueAt(live, path);
        }
    }
    const merged = mergeApplied(live, config, args.typed);
    const entry = {
        manager: args.manager,
        operation: 'Apply',
        apiVersion: args.apiVersion,
        time: args.now,
        fieldsType: 'FieldsV1',
        fieldsV1: {},
        ...(args.subresource ? { subresource: args.subresource } : {}),
    };
    writeOwners(merged, [...others, { entry, set: applied }]);
    return { object: merged };
}
/** The 409 message the API server gives for apply conflicts. */
function describeConflicts(conflicts) {
    if (conflicts.length === 1) {
        const c = conflicts[0];
        return `Apply failed with 1 conflict: conflict with "${c.manager}" using ${c.apiVersion}: ${c.field}`;
    }
    const lines = conflicts.map((c) => `conflict with "${c.manager}" using ${c.apiVersion}: ${c.field}`);
    return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}
/**
 * Bookkeeping for a non-apply write (create, update, patch): the writer takes ownership of the fields it
 * changed, other managers lose them, and fields that disappeared are owned by no one.
 */
function recordUpdate(args) {
    const onStatus = args.subresource === 'status';
    const before = args.previous ? stripUnowned(args.previous, onStatus) : {};
    const after = stripUnowned(args.next, onStatus);
    const afterSet = fieldSetOf(after, args.typed);
    const changed = leaves(afterSet).filter((p) => p[p.length - 1] !== '.' && !sameValue(valueAt(before, p), valueAt(after, p)));
    const gone = args.previous
        ? leaves(fieldSetOf(before, args.typed)).filter((p) => !hasPath(afterSet, p))
        : [];
    const owners = readOwners(args.previous);
    if (changed.length === 0 && gone.length === 0) {
        writeOwners(args.next, owners);
        return;
    }
    let mine = owners.find((o) => o.entry.manager === args.manager &&
        o.entry.operation === 'Update' &&
        (o.entry.subresource ?? '') === (args.subresource ?? ''));
    for (const owner of owners) {
        if (owner === mine)
            continue;
        for (const p of changed)
            removePath(owner.set, p);
    }
    for (const owner of owners)
        for (const p of gone)
            removePath(owner.set, p);
    if (!mine) {
        mine = {
            entry: {
                manager: args.manager,
                operation: 'Update',
                apiVersion: args.apiVersion,
                time: args.now,
                fieldsType: 'FieldsV1',
                fieldsV1: {},
                ...(args.subresource ? { subresource: args.subresource } : {}),
            },
            set: new Map(),
        };
        owners.push(mine);
    }
    mine.entry = { ...mine.entry, time: args.now, apiVersion: args.apiVersion };
    for (const p of changed) {
        addPath(mine.set, p);
        // Own the list items along the way, as the API server records them.
        for (let i = 1; i < p.length; i++)
            if (p[i - 1].startsWith('k:'))
                addPath(mine.set, [...p.slice(0, i), '.']);
    }
    writeOwners(args.next, owners);
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/strategic-merge-patch.ts
/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), what `kubectl apply` (client side),
 * `kubectl edit` and `kubectl patch` send for built-in kinds. Lists of named things merge by key instead
 * of being replaced, and `$`-directives steer the merge: `$patch`, `$setElementOrder/<list>`,
 * `$deleteFromPrimitiveList/<list>`, `$retainKeys`.
 */


const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';
function stripDirectives(value) {
    if (Array.isArray(value)) {
        return value
            .filter((v) => !(json_merge_patch_isPlainObject(v) && v.$patch !== undefined && Object.keys(v).length === 1))
            .map(stripDirectives);
    }
    if (!json_merge_patch_isPlainObject(value))
        return value;
    const out = {};
    for (const [k, v] of Object.entries(value))
        if (!k.startsWith('$'))
            out[k] = stripDirectives(v);
    return out;
}
function mergeList(field, live, patch) {
    const current = Array.isArray(live) ? live : [];
    if (patch.some((p) => json_merge_patch_isPlainObject(p) && p.$patch === 'replace')) {
        return patch.filter((p) => !(json_merge_patch_isPlainObject(p) && p.$patch === 'replace')).map(stripDirectives);
    }
    const strategy = listStrategy(field, patch.length ? patch : current, true);
    if (strategy.type === 'set') {
        const out = [...current];
        for (const v of patch)
            if (!out.some((o) => JSON.stringify(o) === JSON.stringify(v)))
                out.push(v);
        return out;
    }
    if (strategy.type !== 'map')
        return patch.map(stripDirectives);
    const out = current.map((v) => v);
    for (const item of patch) {
        const key = itemKey(item, strategy.keys);
        const at = key === undefined ? -1 : out.findIndex((o) => itemKey(o, strategy.keys) === key);
        if (json_merge_patch_isPlainObject(item) && item.$patch === 'delete') {
            if (at >= 0)
                out.splice(at, 1);
            continue;
        }
        if (at >= 0)
            out[at] = mergeValue(out[at], item);
        else
            out.push(stripDirectives(item));
    }
    return out;
}
function orderBy(list, order, field) {
    const strategy = listStrategy(field, list, true);
    const idOf = (v) => (strategy.type === 'map' ? itemKey(v, strategy.keys) : JSON.stringify(v));
    const wanted = order.map(idOf);
    const ranked = list.map((v, i) => {
        const r = wanted.indexOf(idOf(v));
        return { v, rank: r < 0 ? wanted.length + i : r };
    });
    return ranked.sort((a, b) => a.rank - b.rank).map((x) => x.v);
}
function mergeValue(live, patch) {
    if (!json_merge_patch_isPlainObject(patch))
        return structuredClone(patch);
    if (patch.$patch === 'replace')
        return stripDirectives(patch);
    if (patch.$patch === 'delete')
        return undefined;
    const out = json_merge_patch_isPlainObject(live) ? { ...live } : {};
    const retain = Array.isArray(patch.$retainKeys) ? patch.$retainKeys : undefined;
    if (retain)
        for (const k of Object.keys(out))
            if (!retain.includes(k))
                delete out[k];
    for (const [key, value] of Object.entries(patch)) {
        if (key.startsWith('$'))
            continue;
        if (value === null) {
            delete out[key];
            continue;
        }
        if (Array.isArray(value))
            out[key] = mergeList(key, out[key], value);
        else if (json_merge_patch_isPlainObject(value)) {
            const merged = mergeValue(out[key], value);
            if (merged === undefined)
                delete out[key];
            else
                out[key] = merged;
        }
        else
            out[key] = value;
    }
    for (const [key, value] of Object.entries(patch)) {
        if (key.startsWith(DELETE_PRIMITIVE) && Array.isArray(value)) {
            const field = key.slice(DELETE_PRIMITIVE.length);
            if (Array.isArray(out[field])) {
                out[field] = out[field].filter((v) => !value.some((d) => JSON.stringify(d) === JSON.stringify(v)));
            }
        }
    }
    for (const [key, value] of Object.entries(patch)) {
        if (key.startsWith(SET_ORDER) && Array.isArray(value)) {
            const field = key.slice(SET_ORDER.length);
            if (Array.isArray(out[field]))
                out[field] = orderBy(out[field], value, field);
        }
    }
    return out;
}
function applyStrategicMergePatch(target, patch) {
    return mergeValue(target, patch) ?? {};
}

;// CONCATENATED MODULE: ./src/embedded-cluster/validation.ts
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function get(obj, path) {
    let cur = obj;
    for (const p of path.split('.')) {
        if (typeof cur !== 'object' || cur === null)
            return undefined;
        cur = cur[p];
    }
    return cur;
}
function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function goMap(v) {
    if (typeof v !== 'object' || v === null)
        return JSON.stringify(v);
    if (Object.values(v).some((x) => typeof x === 'object' && x !== null))
        return JSON.stringify(v);
    return `map[string]string{${Object.entries(v)
        .map(([k, x]) => `"${k}":"${String(x)}"`)
        .join(', ')}}`;
}
function nameCauses(type, name) {
    const gk = `${type.group}/${type.kind}`;
    if (gk === '/Namespace' || gk === '/Service') {
        const re = gk === '/Service' ? DNS1035 : LABEL;
        if (name.length > 63 || !re.test(name)) {
            return [
                {
                    reason: 'FieldValueInvalid',
                    field: 'metadata.name',
                    message: `Invalid value: "${name}": a ${gk === '/Service' ? 'DNS-1035' : 'lowercase RFC 1123'} label must consist of lower case alphanumeric characters or '-', ${gk === '/Service' ? 'start with an alphabetic character, ' : 'start with an alphanumeric character, '}and end with an alphanumeric character`,
                },
            ];
        }
        return [];
    }
    if (type.group === 'rbac.authorization.k8s.io' || type.fromCrd) {
        if (name === '.' || name === '..' || /[/%]/.test(name)) {
            return [
                {
                    reason: 'FieldValueInvalid',
                    field: 'metadata.name',
                    message: `Invalid value: "${name}": may not contain '/' or '%'`,
                },
            ];
        }
        return [];
    }
    if (name.length > 253 || !SUBDOMAIN.test(name)) {
        return [
            {
                reason: 'FieldValueInvalid',
                field: 'metadata.name',
                message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
            },
        ];
    }
    if (gk === 'batch/Job' && name.length > 63) {
        return [
            {
                reason: 'FieldValueInvalid',
                field: 'metadata.name',
                message: `Invalid value: "${name}": must be no more than 63 characters`,
            },
        ];
    }
    return [];
}
function podSpecCauses(spec, prefix) {
    const causes = [];
    const containers = get(spec, 'containers');
    if (!Array.isArray(containers) || containers.length === 0) {
        causes.push({ reason: 'FieldValueRequired', field: `${prefix}.containers`, message: 'Required value' });
        return causes;
    }
    for (const list of ['initContainers', 'containers']) {
        const items = get(spec, list);
        if (!Array.isArray(items))
            continue;
        items.forEach((c, i) => {
            if (!c?.name)
                causes.push({
                    reason: 'FieldValueRequired',
                    field: `${prefix}.${list}[${i}].name`,
                    message: 'Required value',
                });
            if (!c?.image)
                causes.push({
                    reason: 'FieldValueRequired',
                    field: `${prefix}.${list}[${i}].image`,
                    message: 'Required value',
                });
        });
    }
    return causes;
}
function selectorMatchesTemplate(obj) {
    const selector = get(obj, 'spec.selector');
    if (!selector)
        return [{ reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' }];
    const labels = (get(obj, 'spec.template.metadata.labels') ?? {});
    const ok = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    return ok
        ? []
        : [
            {
                reason: 'FieldValueInvalid',
                field: 'spec.template.metadata.labels',
                message: `Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``,
            },
        ];
}
/** Problems with a new or updated object on its own. */
function validateObject(type, obj) {
    const causes = nameCauses(type, obj.metadata.name);
    switch (`${type.group}/${type.kind}`) {
        case '/Pod':
            causes.push(...podSpecCauses(obj.spec, 'spec'));
            break;
        case 'batch/Job': {
            causes.push(...podSpecCauses(get(obj, 'spec.template.spec'), 'spec.template.spec'));
            const rp = get(obj, 'spec.template.spec.restartPolicy');
            if (rp !== 'Never' && rp !== 'OnFailure') {
                causes.push({
                    reason: 'FieldValueNotSupported',
                    field: 'spec.template.spec.restartPolicy',
                    message: `Unsupported value: "${String(rp)}": supported values: "OnFailure", "Never"`,
                });
            }
            break;
        }
        case 'apps/Deployment':
        case 'apps/ReplicaSet':
        case 'apps/StatefulSet':
        case 'apps/DaemonSet':
            causes.push(...selectorMatchesTemplate(obj));
            causes.push(...podSpecCauses(get(obj, 'spec.template.spec'), 'spec.template.spec'));
            break;
        case '/Service': {
            const type_ = get(obj, 'spec.type');
            const ports = get(obj, 'spec.ports');
            if (type_ !== 'ExternalName' &&
                get(obj, 'spec.clusterIP') !== 'None' &&
                (!Array.isArray(ports) || ports.length === 0)) {
                causes.push({ reason: 'FieldValueRequired', field: 'spec.ports', message: 'Required value' });
            }
            break;
        }
        case 'apiextensions.k8s.io/CustomResourceDefinition': {
            const group = get(obj, 'spec.group');
            const plural = get(obj, 'spec.names.plural');
            if (!group)
                causes.push({ reason: 'FieldValueRequired', field: 'spec.group', message: 'Required value' });
            if (!plural)
                causes.push({ reason: 'FieldValueRequired', field: 'spec.names.plural', message: 'Required value' });
            if (!get(obj, 'spec.names.kind'))
                causes.push({ reason: 'FieldValueRequired', field: 'spec.names.kind', message: 'Required value' });
            if (group && plural && obj.metadata.name !== `${String(plural)}.${String(group)}`) {
                causes.push({
                    reason: 'FieldValueInvalid',
                    field: 'metadata.name',
                    message: `Invalid value: "${obj.metadata.name}": must be spec.names.plural+"."+spec.group`,
                });
            }
            const versions = get(obj, 'spec.versions');
            if (!Array.isArray(versions) || versions.length === 0) {
                causes.push({ reason: 'FieldValueRequired', field: 'spec.versions', message: 'Required value' });
            }
            break;
        }
    }
    return causes;
}
function immutable(field, value) {
    const shown = typeof value === 'object' ? goMap(value) : JSON.stringify(value);
    return { reason: 'FieldValueInvalid', field, message: `Invalid value: ${shown}: field is immutable` };
}
const POD_MUTABLE = new Set([
    'containers',
    'initContainers',
    'activeDeadlineSeconds',
    'tolerations',
    'terminationGracePeriodSeconds',
]);
/** Fields that may not change once the object exists. */
function validateUpdate(type, previous, next) {
    const causes = [];
    const check = (path) => {
        if (!same(get(previous, path), get(next, path)))
            causes.push(immutable(path, get(next, path)));
    };
    switch (`${type.group}/${type.kind}`) {
        case 'batch/Job':
            check('spec.selector');
            check('spec.template');
            check('spec.completionMode');
            break;
        case 'apps/Deployment':
        case 'apps/ReplicaSet':
        case 'apps/StatefulSet':
        case 'apps/DaemonSet':
            check('spec.selector');
            break;
        case '/Service':
            if (get(previous, 'spec.clusterIP') && get(next, 'spec.clusterIP') !== undefined)
                check('spec.clusterIP');
            break;
        case '/Pod': {
            // Only images (and a few scheduling knobs) may change on a running pod.
            const rest = (o) => {
                const spec = { ...(o.spec ?? {}) };
                for (const k of POD_MUTABLE)
                    delete spec[k];
                return spec;
            };
            const withoutImages = (list) => Array.isArray(list) ? list.map((c) => ({ ...c, image: undefined })) : list;
            const changed = !same(rest(previous), rest(next)) ||
                !same(withoutImages(get(previous, 'spec.containers')), withoutImages(get(next, 'spec.containers'))) ||
                !same(withoutImages(get(previous, 'spec.initContainers')), withoutImages(get(next, 'spec.initContainers')));
            if (changed) {
                causes.push({
                    reason: 'FieldValueForbidden',
                    field: 'spec',
                    message: 'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
                });
            }
            break;
        }
        case '/ConfigMap':
        case '/Secret':
            if (previous.immutable === true) {
                for (const f of ['data', 'binaryData', 'stringData']) {
                    if (!same(previous[f], next[f])) {
                        causes.push({
                            reason: 'FieldValueForbidden',
                            field: f,
                            message: 'Forbidden: field is immutable when `immutable` is set',
                        });
                    }
                }
            }
            break;
        case '/PersistentVolumeClaim': {
            const strip = (o) => {
                const s = structuredClone(o.spec ?? {});
                delete s.resources?.requests;
                delete s.volumeName;
                return s;
            };
            if (!same(strip(previous), strip(next))) {
                causes.push({
                    reason: 'FieldValueForbidden',
                    field: 'spec',
                    message: 'Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
                });
            }
            break;
        }
    }
    return causes;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/cluster-api.ts
/**
 * The API server's behaviour, without HTTP: every write from a client or a simulated controller goes
 * through here, so defaults, validation, immutability, resourceVersion checks, generations, finalizers and
 * managed fields are the same for both.
 */










const PATCH_TYPES = {
    merge: 'application/merge-patch+json',
    json: 'application/json-patch+json',
    strategic: 'application/strategic-merge-patch+json',
    apply: 'application/apply-patch+yaml',
    applyCbor: 'application/apply-patch+cbor',
};
const SYSTEM_MANAGER = 'kube-controller-manager';
class ClusterApi {
    registry;
    store;
    clock;
    random;
    nextClusterIP = 10;
    constructor(registry, store, clock, random) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        this.random = random;
    }
    gk(type) {
        return groupKind(type.group, type.kind);
    }
    typeFor(apiVersion, kind) {
        const slash = apiVersion.indexOf('/');
        const group = slash < 0 ? '' : apiVersion.slice(0, slash);
        const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
        return this.registry.byKind(group, kind, version) ?? this.registry.byKind(group, kind);
    }
    /** The object with the apiVersion the caller asked through (one stored version serves them all). */
    present(type, obj) {
        return { ...obj, apiVersion: apiVersionOf(type), kind: type.kind };
    }
    tryGet(type, namespace, name) {
        return this.store.get(this.gk(type), type.namespaced ? namespace : undefined, name);
    }
    get(type, namespace, name) {
        const obj = this.tryGet(type, namespace, name);
        if (!obj)
            throw notFound(type.plural, type.group, name);
        return this.present(type, obj);
    }
    list(type, namespace, options = {}) {
        const labels = parseLabelSelector(options.labelSelector);
        const fields = parseFieldSelector(options.fieldSelector);
        const items = this.store
            .list(this.gk(type), type.namespaced ? namespace : undefined)
            .filter((o) => (!labels || labels(o.metadata.labels ?? {})) && (!fields || fields(o)));
        items.sort((a, b) => {
            const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
            const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
            return ka < kb ? -1 : ka > kb ? 1 : 0;
        });
        return items.map((o) => this.present(type, o));
    }
    requireNamespace(type, namespace, name) {
        if (!type.namespaced)
            return;
        if (!namespace)
            throw badRequest('the server could not find the requested resource: a namespace is required');
        const ns = this.store.get('/Namespace', undefined, namespace);
        if (!ns)
            throw notFound('namespaces', '', namespace);
        if (ns.metadata.deletionTimestamp) {
            throw forbidden(`${type.plural} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`, {
                name,
                kind: type.plural,
                causes: [
                    {
                        reason: 'NamespaceTerminating',
                        message: `namespace ${namespace} is being terminated`,
                        field: 'metadata.namespace',
                    },
                ],
            });
        }
    }
    checkBody(type, body, namespace, options) {
        if (!json_merge_patch_isPlainObject(body))
            throw badRequest('the request body must be a JSON object');
        const obj = structuredClone(body);
        if (obj.kind !== undefined && obj.kind !== type.kind) {
            throw badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersionOf(type)}), or kind ${String(obj.kind)} is not ${type.kind}`);
        }
        if (!json_merge_patch_isPlainObject(obj.metadata))
            obj.metadata = {};
        if (type.namespaced) {
            if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
                throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
            }
            obj.metadata.namespace = namespace ?? obj.metadata.namespace;
        }
        else
            delete obj.metadata.namespace;
        if (options.fieldValidation === 'Strict' || options.fieldValidation === 'Warn') {
            const allowed = new Set(['apiVersion', 'kind', 'metadata', ...type.topLevelFields]);
            const unknown = type.fromCrd ? [] : Object.keys(obj).filter((k) => !allowed.has(k));
            if (unknown.length) {
                const text = unknown.map((k) => `unknown field "${k}"`).join(', ');
                if (options.fieldValidation === 'Strict')
                    throw badRequest(`strict decoding error: ${text}`);
                options.warnings?.push(text);
            }
        }
        return obj;
    }
    manager(options) {
        return options.fieldManager || 'unknown';
    }
    create(type, namespace, body, options = {}) {
        const obj = this.checkBody(type, body, namespace, options);
        const meta = obj.metadata;
        if (!meta.name) {
            if (typeof meta.generateName === 'string' && meta.generateName)
                meta.name = meta.generateName + this.random.nameSuffix();
            else
                throw invalid(type.kind, type.group, '', [
                    {
                        reason: 'FieldValueRequired',
                        field: 'metadata.name',
                        message: 'Required value: name or generateName is required',
                    },
                ]);
        }
        this.requireNamespace(type, meta.namespace, meta.name);
        if (this.tryGet(type, meta.namespace, meta.name))
            throw alreadyExists(type.plural, type.group, meta.name);
        delete meta.resourceVersion;
        delete meta.deletionTimestamp;
        delete meta.managedFields;
        meta.uid = this.random.uid();
        meta.creationTimestamp = this.clock.timestamp();
        if (type.generation)
            meta.generation = 1;
        else
            delete meta.generation;
        if (type.statusSubresource && !options.subresource)
            delete obj.status;
        applyCreateDefaults(type, obj, {
            random: this.random,
            allocateClusterIP: () => this.allocateClusterIP(),
        });
        const causes = validateObject(type, obj);
        if (causes.length)
            throw invalid(type.kind, type.group, meta.name, causes);
        recordUpdate({
            previous: undefined,
            next: obj,
            manager: this.manager(options),
            typed: type.strategicMerge,
            apiVersion: apiVersionOf(type),
            now: this.clock.timestamp(),
        });
        return this.commit(type, undefined, obj, options);
    }
    /** PUT: replace the object (or its status). */
    update(type, namespace, name, body, options = {}) {
        const previous = this.tryGet(type, namespace, name);
        if (!previous)
            throw notFound(type.plural, type.group, name);
        const incoming = this.checkBody(type, body, namespace, options);
        if (incoming.metadata.name && incoming.metadata.name !== name) {
            throw badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`);
        }
        const rv = incoming.metadata.resourceVersion;
        if (rv && rv !== previous.metadata.resourceVersion) {
            throw conflict(type.plural, type.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
        }
        return this.replace(type, previous, incoming, options);
    }
    /** The shared tail of PUT, PATCH and apply: merge what may change, validate, store. */
    replace(type, previous, incoming, options) {
        let next;
        if (options.subresource === 'status') {
            next = { ...structuredClone(previous), status: incoming.status };
        }
        else {
            next = incoming;
            if (type.statusSubresource)
                next.status = structuredClone(previous.status);
            const meta = next.metadata;
            const prev = previous.metadata;
            meta.name = prev.name;
            meta.uid = prev.uid;
            meta.creationTimestamp = prev.creationTimestamp;
            if (type.namespaced)
                meta.namespace = prev.namespace;
            if (prev.deletionTimestamp) {
                meta.deletionTimestamp = prev.deletionTimestamp;
                const added = (meta.finalizers ?? []).filter((f) => !(prev.finalizers ?? []).includes(f));
                if (added.length) {
                    throw invalid(type.kind, type.group, prev.name, [
                        {
                            reason: 'FieldValueForbidden',
                            field: 'metadata.finalizers',
                            message: 'Forbidden: no new finalizers can be added if the object is being deleted',
                        },
                    ]);
                }
            }
            else
                delete meta.deletionTimestamp;
            if (type.generation) {
                const strip = (o) => {
                    const { metadata: _m, status: _s, ...rest } = o;
                    return JSON.stringify(rest);
                };
                meta.generation = (prev.generation ?? 1) + (strip(previous) === strip(next) ? 0 : 1);
            }
            if (type.group === '' && type.kind === 'Secret' && json_merge_patch_isPlainObject(next.stringData)) {
                next.data = { ...(next.data ?? {}) };
                for (const [k, v] of Object.entries(next.stringData))
                    next.data[k] = Buffer.from(String(v)).toString('base64');
                delete next.stringData;
            }
            const causes = [...validateObject(type, next), ...validateUpdate(type, previous, next)];
            if (causes.length)
                throw invalid(type.kind, type.group, prev.name, causes);
        }
        delete next.metadata.resourceVersion;
        recordUpdate({
            previous,
            next,
            manager: this.manager(options),
            typed: type.strategicMerge,
            apiVersion: apiVersionOf(type),
            now: this.clock.timestamp(),
            subresource: options.subresource,
        });
        if (JSON.stringify({ ...next, metadata: { ...next.metadata, resourceVersion: undefined } }) ===
            JSON.stringify({ ...previous, metadata: { ...previous.metadata, resourceVersion: undefined } })) {
            // A no-op write does not bump resourceVersion, as a real server's does not.
            return this.present(type, previous);
        }
        return this.commit(type, previous, next, options);
    }
    patch(type, namespace, name, contentType, body, options = {}) {
        const media = contentType.split(';')[0].trim();
        if (media === PATCH_TYPES.apply)
            return this.apply(type, namespace, name, body, options);
        if (media === PATCH_TYPES.applyCbor)
            throw unsupportedMediaType(contentType);
        const previous = this.tryGet(type, namespace, name);
        if (!previous)
            throw notFound(type.plural, type.group, name);
        const current = this.present(type, previous);
        let patched;
        switch (media) {
            case PATCH_TYPES.merge:
                patched = applyMergePatch(current, body);
                break;
            case PATCH_TYPES.json:
                patched = applyJsonPatch(current, body);
                break;
            case PATCH_TYPES.strategic:
                if (!type.strategicMerge)
                    throw unsupportedMediaType(contentType);
                patched = applyStrategicMergePatch(current, body);
                break;
            default:
                throw unsupportedMediaType(contentType);
        }
        const incoming = this.checkBody(type, patched, namespace, options);
        const rv = json_merge_patch_isPlainObject(body) && json_merge_patch_isPlainObject(body.metadata) ? body.metadata.resourceVersion : undefined;
        if (typeof rv === 'string' && rv && rv !== previous.metadata.resourceVersion) {
            throw conflict(type.plural, type.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
        }
        if (options.subresource !== 'status' && type.statusSubresource)
            incoming.status = previous.status;
        return this.replace(type, previous, incoming, options);
    }
    /** Server-side apply: creates when missing, otherwise merges by field ownership. */
    apply(type, namespace, name, body, options = {}) {
        if (!options.fieldManager) {
            throw badRequest('PATCH requests with the apply content type must set fieldManager (for example with ?fieldManager=my-tool)');
        }
        const config = this.checkBody(type, body, namespace, options);
        if (config.metadata.name && config.metadata.name !== name) {
            throw badRequest(`the name of the object (${config.metadata.name}) does not match the name on the URL (${name})`);
        }
        if (!config.apiVersion || !config.kind)
            throw badRequest('apply requires apiVersion and kind in the body');
        const previous = this.tryGet(type, namespace, name);
        const result = serverSideApply({
            live: previous ? this.present(type, previous) : undefined,
            config,
            manager: options.fieldManager,
            force: options.force ?? false,
            typed: type.strategicMerge,
            apiVersion: apiVersionOf(type),
            now: this.clock.timestamp(),
            subresource: options.subresource,
        });
        if ('conflicts' in result) {
            throw new ApiError(409, 'Conflict', describeConflicts(result.conflicts), {
                causes: result.conflicts.map((c) => ({
                    reason: 'FieldManagerConflict',
                    message: `conflict with "${c.manager}" using ${c.apiVersion}`,
                    field: c.field,
                })),
            });
        }
        const merged = result.object;
        merged.metadata = { ...merged.metadata, name };
        if (!previous) {
            // The managed fields computed by apply are kept: create() records only its own Update entry otherwise.
            const managed = merged.metadata.managedFields;
            const created = this.create(type, namespace, { ...merged, metadata: { ...merged.metadata, managedFields: undefined } }, { ...options, fieldManager: options.fieldManager });
            if (options.dryRun)
                return { ...created, metadata: { ...created.metadata, managedFields: managed } };
            const stored = this.tryGet(type, namespace, name);
            const withApply = { ...stored, metadata: { ...stored.metadata, managedFields: managed } };
            this.store.put(this.gk(type), withApply);
            return this.present(type, withApply);
        }
        const managed = merged.metadata.managedFields;
        const next = this.replaceKeepingManaged(type, previous, merged, options, managed);
        return next;
    }
    replaceKeepingManaged(type, previous, merged, options, managed) {
        // Apply has already computed ownership; the shared path must not re-attribute the changes as an Update.
        const result = this.replace(type, previous, merged, { ...options, fieldManager: options.fieldManager });
        const stored = options.dryRun
            ? result
            : this.tryGet(type, previous.metadata.namespace, previous.metadata.name);
        if (!stored)
            return result;
        const withApply = { ...stored, metadata: { ...stored.metadata, managedFields: managed } };
        if (!options.dryRun && stored.metadata.resourceVersion !== previous.metadata.resourceVersion)
            this.store.put(this.gk(type), withApply);
        else if (!options.dryRun && JSON.stringify(previous.metadata.managedFields) !== JSON.stringify(managed)) {
            withApply.metadata.resourceVersion = String(this.store.nextRv());
            this.store.put(this.gk(type), withApply);
        }
        return this.present(type, withApply);
    }
    delete(type, namespace, name, options = {}) {
        const existing = this.tryGet(type, namespace, name);
        if (!existing)
            throw notFound(type.plural, type.group, name);
        const pre = options.preconditions;
        if (pre?.uid && pre.uid !== existing.metadata.uid) {
            throw conflict(type.plural, type.group, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`);
        }
        if (pre?.resourceVersion && pre.resourceVersion !== existing.metadata.resourceVersion) {
            throw conflict(type.plural, type.group, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`);
        }
        let policy = options.propagationPolicy;
        if (!policy && type.group === 'batch' && type.kind === 'Job') {
            policy = 'Orphan';
            options.warnings?.push('child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning');
        }
        policy ??= 'Background';
        const next = structuredClone(existing);
        const finalizers = [...(next.metadata.finalizers ?? [])];
        const isNamespace = type.group === '' && type.kind === 'Namespace';
        if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion'))
            finalizers.push('foregroundDeletion');
        if (policy === 'Orphan' && !finalizers.includes('orphan'))
            finalizers.push('orphan');
        const waits = finalizers.length > 0 || isNamespace;
        if (!waits) {
            if (options.dryRun)
                return { object: this.present(type, existing), code: 200 };
            this.store.remove(this.gk(type), existing.metadata.namespace, name);
            return { object: this.present(type, existing), code: 200 };
        }
        if (existing.metadata.deletionTimestamp &&
            JSON.stringify(finalizers) === JSON.stringify(existing.metadata.finalizers ?? [])) {
            return { object: this.present(type, existing), code: 202 };
        }
        next.metadata.finalizers = finalizers;
        next.metadata.deletionTimestamp ??= this.clock.timestamp();
        next.metadata.deletionGracePeriodSeconds = 0;
        if (isNamespace)
            next.status = { ...(next.status ?? {}), phase: 'Terminating' };
        if (options.dryRun)
            return { object: this.present(type, next), code: 202 };
        next.metadata.resourceVersion = String(this.store.nextRv());
        this.store.put(this.gk(type), next);
        return { object: this.present(type, next), code: 202 };
    }
    /** Stores a validated object; an object being deleted whose last finalizer went is removed instead. */
    commit(type, previous, next, options) {
        if (options.dryRun) {
            return this.present(type, {
                ...next,
                metadata: { ...next.metadata, resourceVersion: previous?.metadata.resourceVersion ?? '' },
            });
        }
        if (next.metadata.deletionTimestamp &&
            (next.metadata.finalizers ?? []).length === 0 &&
            !(type.group === '' && type.kind === 'Namespace')) {
            this.store.remove(this.gk(type), next.metadata.namespace, next.metadata.name);
            return this.present(type, next);
        }
        if (next.metadata.finalizers && next.metadata.finalizers.length === 0)
            delete next.metadata.finalizers;
        next.metadata.resourceVersion = String(this.store.nextRv());
        this.store.put(this.gk(type), next);
        return this.present(type, next);
    }
    /** For controllers: remove an object whose deletion has completed (finalizers done). */
    finalize(type, obj) {
        this.store.remove(this.gk(type), obj.metadata.namespace, obj.metadata.name);
    }
    /** For controllers: write status with the system's field manager, ignoring races they will retry. */
    writeStatus(type, obj, status) {
        const current = this.tryGet(type, obj.metadata.namespace, obj.metadata.name);
        if (!current || current.metadata.uid !== obj.metadata.uid)
            return undefined;
        if (JSON.stringify(current.status) === JSON.stringify(status))
            return current;
        return this.replace(type, current, { ...structuredClone(current), status }, {
            subresource: type.statusSubresource ? 'status' : undefined,
            fieldManager: SYSTEM_MANAGER,
        });
    }
    /** For controllers: change an object's metadata or spec with the system's field manager. */
    writeObject(type, obj) {
        const current = this.tryGet(type, obj.metadata.namespace, obj.metadata.name);
        if (!current || current.metadata.uid !== obj.metadata.uid)
            return undefined;
        return this.replace(type, current, structuredClone({
            ...obj,
            metadata: { ...obj.metadata, resourceVersion: undefined },
        }), {
            fieldManager: SYSTEM_MANAGER,
        });
    }
    /** The scheduler's binding (`pods/binding`): sets spec.nodeName, which no update may change. */
    bindPod(pod, nodeName) {
        const type = this.registry.byKind('', 'Pod');
        const current = this.tryGet(type, pod.metadata.namespace, pod.metadata.name);
        if (!current || current.metadata.uid !== pod.metadata.uid || current.metadata.deletionTimestamp)
            return undefined;
        const next = structuredClone(current);
        next.spec = { ...next.spec, nodeName };
        recordUpdate({
            previous: current,
            next,
            manager: 'kube-scheduler',
            typed: true,
            apiVersion: 'v1',
            now: this.clock.timestamp(),
        });
        return this.commit(type, current, next, {});
    }
    allocateClusterIP() {
        const n = this.nextClusterIP++;
        return `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/clock.ts
/**
 * Simulated durations. Every delay the controllers and the kubelet take (a container's `sleep 5`, image
 * pull back-off, a Job's pod re-creation delay) is expressed in simulated milliseconds and scaled by
 * `timeScale` into real time, so tests can run a "30 second" migration in a few hundred milliseconds.
 * Timestamps written into objects are wall-clock, as a real cluster's are.
 */
class SimClock {
    timeScale;
    timers = new Set();
    stopped = false;
    constructor(timeScale = 1) {
        this.timeScale = timeScale;
    }
    /** Real milliseconds for a simulated duration. */
    real(simulatedMs) {
        return Math.max(0, simulatedMs * this.timeScale);
    }
    after(simulatedMs, fn) {
        if (this.stopped)
            return () => { };
        const timer = setTimeout(() => {
            this.timers.delete(timer);
            if (!this.stopped)
                fn();
        }, this.real(simulatedMs));
        this.timers.add(timer);
        return () => {
            clearTimeout(timer);
            this.timers.delete(timer);
        };
    }
    now() {
        return new Date();
    }
    /**
     * RFC 3339 with milliseconds. Real clusters write whole seconds; here durations are scaled (20 times
     * faster in tests), so a second's rounding would become twenty simulated seconds of error in every
     * deadline and back-off the controllers compute from these timestamps.
     */
    timestamp(date = this.now()) {
        return date.toISOString();
    }
    /** Simulated milliseconds elapsed since a wall-clock timestamp. */
    simulatedSince(timestamp) {
        const real = Date.now() - Date.parse(timestamp);
        return this.timeScale > 0 ? real / this.timeScale : Number.POSITIVE_INFINITY;
    }
    stop() {
        this.stopped = true;
        for (const t of this.timers)
            clearTimeout(t);
        this.timers.clear();
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/controller.ts
class Controller {
    ctx;
    constructor(ctx) {
        this.ctx = ctx;
    }
    /** Keys to reconcile at start-up (after a state restore). */
    initialKeys() {
        return [];
    }
}
function keyOf(obj) {
    return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}
function splitKey(key) {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    return { namespace: namespace || undefined, name: key.slice(slash + 1) };
}
/** The controller owner of an object, if it is of the given kind. */
function controllerOf(obj, kind) {
    const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === kind);
    return ref ? `${obj.metadata.namespace ?? ''}/${ref.name}` : undefined;
}
function ownedBy(obj, owner) {
    return (obj.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.controller);
}
function ownerReference(owner, apiVersion, kind) {
    return {
        apiVersion,
        kind,
        name: owner.metadata.name,
        uid: owner.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
    };
}
function condition(obj, type) {
    const conds = (obj.status?.conditions ?? []);
    return conds.find((c) => c.type === type);
}
function isTrue(obj, type) {
    return condition(obj, type)?.status === 'True';
}
/** Sets a condition, keeping lastTransitionTime when the status does not change. */
function withCondition(conditions, next, now, extra = {}) {
    const existing = conditions.find((c) => c.type === next.type);
    const entry = {
        ...extra,
        type: next.type,
        status: next.status,
        ...(next.reason ? { reason: next.reason } : {}),
        ...(next.message ? { message: next.message } : {}),
        lastTransitionTime: existing && existing.status === next.status ? existing.lastTransitionTime : now,
    };
    if (existing && JSON.stringify({ ...existing }) === JSON.stringify(entry))
        return [...conditions];
    return [...conditions.filter((c) => c.type !== next.type), entry];
}
class ControllerManager {
    ctxBase;
    queue = new Map();
    scheduled = false;
    stopped = false;
    unsubscribe;
    controllers = [];
    constructor(ctxBase) {
        this.ctxBase = ctxBase;
    }
    get context() {
        return {
            ...this.ctxBase,
            requeueAfter: (c, k, ms) => this.ctxBase.clock.after(ms, () => this.enqueue(c, k)),
        };
    }
    add(factory) {
        this.controllers.push(factory(this.context));
    }
    start() {
        this.unsubscribe = this.ctxBase.api.store.subscribe((e) => {
            for (const c of this.controllers)
                for (const k of c.keysFor(e))
                    this.enqueue(c, k);
        });
        for (const c of this.controllers)
            for (const k of c.initialKeys())
                this.enqueue(c, k);
    }
    stop() {
        this.stopped = true;
        this.unsubscribe?.();
    }
    enqueue(controller, key) {
        if (this.stopped)
            return;
        let keys = this.queue.get(controller);
        if (!keys)
            this.queue.set(controller, (keys = new Set()));
        keys.add(key);
        if (!this.scheduled) {
            this.scheduled = true;
            setImmediate(() => this.drain());
        }
    }
    drain() {
        this.scheduled = false;
        if (this.stopped)
            return;
        const batch = [...this.queue];
        this.queue.clear();
        for (const [controller, keys] of batch) {
            for (const key of keys) {
                try {
                    controller.reconcile(key);
                }
                catch (err) {
                    // A conflict or a vanished object: the next event brings the controller back, as in Kubernetes.
                    if (err.code === undefined)
                        console.error(`embedded ${controller.name}:`, err);
                    this.ctxBase.clock.after(1000, () => this.enqueue(controller, key));
                }
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/crd-controller.ts

const CRD_ESTABLISH_DELAY_MS = 100;
function typesFromCrd(crd) {
    const spec = (crd.spec ?? {});
    const names = (spec.names ?? {});
    const versions = (spec.versions ?? []).filter((v) => v.served !== false);
    return versions.map((v) => ({
        group: String(spec.group),
        version: String(v.name),
        kind: String(names.kind),
        plural: String(names.plural),
        singular: String(names.singular ?? String(names.kind).toLowerCase()),
        namespaced: spec.scope !== 'Cluster',
        shortNames: (names.shortNames ?? []).map(String),
        categories: (names.categories ?? []).map(String),
        statusSubresource: !!v.subresources?.status,
        generation: true,
        strategicMerge: false,
        fromCrd: crd.metadata.name,
        topLevelFields: [],
    }));
}
class CrdController extends Controller {
    name = 'crd-controller';
    keysFor(e) {
        if (e.gk !== 'apiextensions.k8s.io/CustomResourceDefinition')
            return [];
        if (e.type === 'DELETED') {
            this.remove(e.object);
            return [];
        }
        return [`/${e.object.metadata.name}`];
    }
    initialKeys() {
        return this.ctx.api.store
            .list('apiextensions.k8s.io/CustomResourceDefinition')
            .map((c) => `/${c.metadata.name}`);
    }
    remove(crd) {
        const api = this.ctx.api;
        for (const t of api.registry.removeCrdTypes(crd.metadata.name)) {
            for (const obj of api.store.list(api.gk(t)))
                api.store.remove(api.gk(t), obj.metadata.namespace, obj.metadata.name);
        }
    }
    reconcile(key) {
        const api = this.ctx.api;
        const type = api.registry.byKind('apiextensions.k8s.io', 'CustomResourceDefinition');
        const crd = api.tryGet(type, undefined, key.slice(1));
        if (!crd)
            return;
        if (crd.metadata.deletionTimestamp) {
            const finalizers = (crd.metadata.finalizers ?? []).filter((f) => f !== 'customresourcecleanup.apiextensions.k8s.io');
            this.remove(crd);
            api.writeObject(type, {
                ...structuredClone(crd),
                metadata: { ...structuredClone(crd.metadata), finalizers },
            });
            return;
        }
        const status = (crd.status ?? {});
        const conds = (status.conditions ?? []);
        const established = conds.some((c) => c.type === 'Established' && c.status === 'True');
        if (established) {
            // After a restart the kinds are served again straight away.
            for (const t of typesFromCrd(crd))
                if (!api.registry.byResource(t.group, t.version, t.plural))
                    api.registry.add(t);
            return;
        }
        if (conds.some((c) => c.type === 'NamesAccepted' && c.status === 'True')) {
            this.ctx.clock.after(CRD_ESTABLISH_DELAY_MS, () => this.establish(crd.metadata.name));
            return;
        }
        // Names are accepted now; the kind is served and Established after a short delay, as a real server does.
        const now = this.ctx.clock.timestamp();
        let conditions = withCondition(conds, { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' }, now);
        conditions = withCondition(conditions, {
            type: 'Established',
            status: 'False',
            reason: 'Installing',
            message: 'the initial names have been accepted',
        }, now);
        const spec = (crd.spec ?? {});
        api.writeStatus(type, crd, {
            conditions,
            acceptedNames: spec.names,
            storedVersions: typesFromCrd(crd)
                .slice(0, 1)
                .map((t) => t.version),
        });
    }
    establish(name) {
        const api = this.ctx.api;
        const type = api.registry.byKind('apiextensions.k8s.io', 'CustomResourceDefinition');
        const crd = api.tryGet(type, undefined, name);
        if (!crd || crd.metadata.deletionTimestamp)
            return;
        for (const t of typesFromCrd(crd))
            api.registry.add(t);
        const status = (crd.status ?? {});
        const conditions = withCondition((status.conditions ?? []), {
            type: 'Established',
            status: 'True',
            reason: 'InitialNamesAccepted',
            message: 'the initial names have been accepted',
        }, this.ctx.clock.timestamp());
        api.writeStatus(type, crd, { ...status, conditions });
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/kubelet/shell-script.ts
/**
 * A small `sh -c` interpreter for simulated containers. It understands what hook scripts in examples and
 * tests do: `echo`, `printf`, `sleep N`, `exit N`, `true`, `false`, `oom` (the container is OOM-killed),
 * `$VAR` from the container's env, `> /dev/termination-log`, and `;`, `&&`, `||` and newlines between
 * commands. Any other command "succeeds" at once and leaves a note in the log, so realistic scripts
 * (`psql …`, `curl …`) still run to completion.
 */
class ScriptSyntaxError extends Error {
}
function expand(text, env) {
    return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a, b) => env[a ?? b] ?? '');
}
/** Splits a script into tokens, honouring quotes, escapes and comments. */
function tokenize(script, env = {}) {
    const tokens = [];
    let word = '';
    let inWord = false;
    const flush = () => {
        if (inWord)
            tokens.push({ kind: 'word', text: word });
        word = '';
        inWord = false;
    };
    for (let i = 0; i < script.length; i++) {
        const ch = script[i];
        if (ch === "'") {
            const end = script.indexOf("'", i + 1);
            if (end < 0)
                throw new ScriptSyntaxError('unterminated quoted string');
            word += script.slice(i + 1, end);
            inWord = true;
            i = end;
        }
        else if (ch === '"') {
            let j = i + 1;
            let text = '';
            while (j < script.length && script[j] !== '"') {
                if (script[j] === '\\' && j + 1 < script.length && '"\\$`'.includes(script[j + 1])) {
                    text += script[j + 1];
                    j += 2;
                }
                else
                    text += script[j++];
            }
            if (j >= script.length)
                throw new ScriptSyntaxError('unterminated quoted string');
            word += expand(text, env);
            inWord = true;
            i = j;
        }
        else if (ch === '\\' && i + 1 < script.length) {
            if (script[i + 1] === '\n')
                i++;
            else {
                word += script[i + 1];
                inWord = true;
                i++;
            }
        }
        else if (ch === '#' && !inWord) {
            while (i < script.length && script[i] !== '\n')
                i++;
            i--;
        }
        else if (ch === '\n' || ch === ';') {
            flush();
            tokens.push({ kind: 'op', text: ';' });
        }
        else if (script.startsWith('&&', i) || script.startsWith('||', i)) {
            flush();
            tokens.push({ kind: 'op', text: script.slice(i, i + 2) });
            i++;
        }
        else if (script.startsWith('2>&1', i)) {
            flush();
            tokens.push({ kind: 'op', text: '2>&1' });
            i += 3;
        }
        else if (script.startsWith('>&2', i) || script.startsWith('1>&2', i)) {
            flush();
            tokens.push({ kind: 'op', text: '>&2' });
            i += script.startsWith('1>&2', i) ? 3 : 2;
        }
        else if (script.startsWith('>>', i)) {
            flush();
            tokens.push({ kind: 'op', text: '>>' });
            i++;
        }
        else if (ch === '>') {
            flush();
            tokens.push({ kind: 'op', text: '>' });
        }
        else if (ch === ' ' || ch === '\t' || ch === '\r')
            flush();
        else if (ch === '$') {
            const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}|^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(script.slice(i));
            if (m) {
                word += env[m[1] ?? m[2]] ?? '';
                inWord = true;
                i += m[0].length - 1;
            }
            else {
                word += ch;
                inWord = true;
            }
        }
        else {
            word += ch;
            inWord = true;
        }
    }
    flush();
    return tokens;
}
/** Groups tokens into chains of simple commands. */
function parseScript(script, env = {}) {
    const tokens = tokenize(script, env);
    const chains = [];
    let current;
    let chain;
    let pendingOp;
    const endCommand = () => {
        if (!current)
            return;
        if (!chain)
            chain = { first: current, rest: [] };
        else
            chain.rest.push({ op: pendingOp, command: current });
        current = undefined;
        pendingOp = undefined;
    };
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.kind === 'word') {
            current ??= { argv: [] };
            current.argv.push(t.text);
            continue;
        }
        switch (t.text) {
            case '>':
            case '>>': {
                const target = tokens[i + 1];
                if (!target || target.kind !== 'word')
                    throw new ScriptSyntaxError(`syntax error near "${t.text}"`);
                current ??= { argv: [] };
                current.redirect = { path: target.text, append: t.text === '>>' };
                i++;
                break;
            }
            case '>&2':
            case '2>&1':
                break; // stderr and stdout both go to the container log
            case '&&':
            case '||':
                if (!current)
                    throw new ScriptSyntaxError(`syntax error near "${t.text}"`);
                endCommand();
                pendingOp = t.text;
                break;
            case ';':
                if (pendingOp && !current)
                    continue; // `a &&\n b`: the newline continues the chain
                endCommand();
                if (chain)
                    chains.push(chain);
                chain = undefined;
                break;
        }
    }
    if (pendingOp && !current)
        throw new ScriptSyntaxError(`syntax error: unexpected end of script after "${pendingOp}"`);
    endCommand();
    if (chain)
        chains.push(chain);
    return chains;
}
class ExitSignal {
    outcome;
    constructor(outcome) {
        this.outcome = outcome;
    }
}
function unescapePrintf(text) {
    return text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%%/g, '%');
}
async function runCommand(cmd, host) {
    const [name, ...args] = cmd.argv;
    if (!name)
        return 0;
    const output = (text) => {
        if (cmd.redirect) {
            if (cmd.redirect.path === '/dev/termination-log')
                host.terminationMessage(text, cmd.redirect.append);
            else if (cmd.redirect.path !== '/dev/null')
                host.log(`[embedded-cluster] wrote to ${cmd.redirect.path}`);
            return;
        }
        for (const line of text.replace(/\n$/, '').split('\n'))
            host.log(line);
    };
    switch (name) {
        case 'echo': {
            let rest = args;
            let newline = true;
            if (rest[0] === '-n') {
                newline = false;
                rest = rest.slice(1);
            }
            else if (rest[0] === '-e')
                rest = rest.slice(1).map(unescapePrintf);
            output(rest.join(' ') + (newline ? '\n' : ''));
            return 0;
        }
        case 'printf': {
            const [format = '', ...values] = args;
            let i = 0;
            output(unescapePrintf(format.replace(/%[sd]/g, () => values[i++] ?? '')));
            return 0;
        }
        case 'sleep': {
            const seconds = Number.parseFloat(args[0] ?? '0');
            if (!Number.isFinite(seconds) || seconds < 0) {
                host.log(`sleep: invalid time interval '${args[0] ?? ''}'`);
                return 1;
            }
            await host.sleep(seconds * 1000);
            return 0;
        }
        case 'true':
        case ':':
        case 'set':
            return 0;
        case 'false':
            return 1;
        case 'exit': {
            const code = args[0] === undefined ? 0 : Number.parseInt(args[0], 10);
            throw new ExitSignal({ exitCode: Number.isFinite(code) ? code & 255 : 2 });
        }
        case 'oom':
            throw new ExitSignal({ exitCode: 137, reason: 'OOMKilled' });
        default:
            host.log(`[embedded-cluster] simulated "${cmd.argv.join(' ')}": succeeded`);
            return 0;
    }
}
/** Runs a script; the exit code is the last command's, or what `exit` says. */
async function runScript(chains, host) {
    let status = 0;
    try {
        for (const chain of chains) {
            status = await runCommand(chain.first, host);
            for (const link of chain.rest) {
                if ((link.op === '&&' && status === 0) || (link.op === '||' && status !== 0))
                    status = await runCommand(link.command, host);
            }
        }
    }
    catch (err) {
        if (err instanceof ExitSignal)
            return err.outcome;
        throw err;
    }
    return { exitCode: status };
}
const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/env']);
function quote(word) {
    return /^[A-Za-z0-9_./=:@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function programOf(container) {
    const command = Array.isArray(container.command) ? container.command.map(String) : [];
    const args = Array.isArray(container.args) ? container.args.map(String) : [];
    const argv = [...command, ...args];
    if (argv.length === 0)
        return { kind: 'server' };
    if (argv[0] === '/usr/bin/env')
        argv.shift();
    if (SHELLS.has(argv[0])) {
        const c = argv.indexOf('-c');
        if (c >= 0)
            return { kind: 'script', source: argv[c + 1] ?? '' };
        if (argv.length === 1)
            return { kind: 'server' };
    }
    if (command.length === 0)
        return { kind: 'server' };
    return { kind: 'script', source: argv.map(quote).join(' ') };
}

;// CONCATENATED MODULE: ./src/embedded-cluster/kubelet/kubelet.ts

const NODE_NAME = 'embedded-node';
const NODE_LABELS = {
    'kubernetes.io/hostname': NODE_NAME,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'node-role.kubernetes.io/control-plane': '',
};
const CAPACITY = { cpuMillis: 4000, memoryBytes: 16 * 1024 ** 3, pods: 110 };
/** Simulated durations (ms), scaled by the clock. */
const KUBELET_TIMING = {
    imagePull: 400,
    containerStart: 100,
    configRetry: 5000,
    backoffStart: 10_000,
    backoffMax: 300_000,
};
class Killed extends Error {
}
/** `busybox:1.36` → `docker.io/library/busybox:1.36`, as the container runtime names it. */
function fullImageReference(image) {
    const first = image.split('/')[0];
    const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
    const named = hasRegistry
        ? image
        : image.includes('/')
            ? `docker.io/${image}`
            : `docker.io/library/${image}`;
    const last = named.split('/').pop();
    return last.includes(':') || last.includes('@') ? named : `${named}:latest`;
}
function parseQuantity(q, memory) {
    if (q === undefined || q === null)
        return 0;
    const s = String(q);
    const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(s);
    if (!m)
        return 0;
    const n = Number(m[1]);
    const unit = m[2];
    if (!memory)
        return unit === 'm' ? n : n * 1000;
    const bin = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };
    const dec = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };
    return n * (bin[unit] ?? dec[unit] ?? 1);
}
function kubelet_get(obj, path) {
    let cur = obj;
    for (const p of path.split('.')) {
        if (typeof cur !== 'object' || cur === null)
            return undefined;
        cur = cur[p];
    }
    return cur;
}
class Kubelet {
    api;
    events;
    logs;
    clock;
    runtimes = new Map();
    unsubscribe;
    podIPCounter = 2;
    podType;
    constructor(api, events, logs, clock) {
        this.api = api;
        this.events = events;
        this.logs = logs;
        this.clock = clock;
        this.podType = api.registry.byKind('', 'Pod');
    }
    start() {
        this.registerNode();
        this.unsubscribe = this.api.store.subscribe((e) => this.onEvent(e));
        for (const pod of this.api.store.list('/Pod'))
            this.adopt(pod);
    }
    stop() {
        this.unsubscribe?.();
        for (const r of this.runtimes.values())
            r.kill();
        this.runtimes.clear();
    }
    nextPodIP() {
        const n = this.podIPCounter++;
        return `10.244.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    }
    registerNode() {
        const nodeType = this.api.registry.byKind('', 'Node');
        if (this.api.tryGet(nodeType, undefined, NODE_NAME))
            return;
        const now = this.clock.timestamp();
        const node = this.api.create(nodeType, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE_NAME, labels: NODE_LABELS } }, { fieldManager: 'kubelet' });
        const resources = {
            cpu: String(CAPACITY.cpuMillis / 1000),
            memory: '16Gi',
            pods: String(CAPACITY.pods),
            'ephemeral-storage': '100Gi',
        };
        this.api.writeStatus(nodeType, node, {
            capacity: resources,
            allocatable: resources,
            conditions: [
                {
                    type: 'Ready',
                    status: 'True',
                    reason: 'KubeletReady',
                    message: 'kubelet is posting ready status',
                    lastHeartbeatTime: now,
                    lastTransitionTime: now,
                },
                {
                    type: 'MemoryPressure',
                    status: 'False',
                    reason: 'KubeletHasSufficientMemory',
                    message: 'kubelet has sufficient memory available',
                    lastHeartbeatTime: now,
                    lastTransitionTime: now,
                },
                {
                    type: 'DiskPressure',
                    status: 'False',
                    reason: 'KubeletHasNoDiskPressure',
                    message: 'kubelet has no disk pressure',
                    lastHeartbeatTime: now,
                    lastTransitionTime: now,
                },
                {
                    type: 'PIDPressure',
                    status: 'False',
                    reason: 'KubeletHasSufficientPID',
                    message: 'kubelet has sufficient PID available',
                    lastHeartbeatTime: now,
                    lastTransitionTime: now,
                },
            ],
            addresses: [
                { type: 'InternalIP', address: '10.0.0.10' },
                { type: 'Hostname', address: NODE_NAME },
            ],
            nodeInfo: {
                kubeletVersion: 'v1.32.0-hook-sync',
                operatingSystem: 'linux',
                architecture: 'amd64',
                containerRuntimeVersion: 'embedded://1.0',
                kernelVersion: 'embedded',
                osImage: 'hook-sync embedded cluster',
                kubeProxyVersion: 'v1.32.0',
                machineID: 'embedded',
                systemUUID: 'embedded',
                bootID: 'embedded',
            },
        });
    }
    adopt(pod) {
        if (this.runtimes.has(pod.metadata.uid))
            return;
        // A pod restored from a state file that had already finished stays finished.
        const phase = pod.status?.phase;
        if (phase === 'Succeeded' || phase === 'Failed')
            return;
        const runtime = new PodRuntime(this, pod);
        this.runtimes.set(pod.metadata.uid, runtime);
        void runtime.run().catch((err) => {
            if (!(err instanceof Killed))
                console.error('embedded kubelet:', err);
        });
    }
    onEvent(e) {
        if (e.gk === '/Pod') {
            if (e.type === 'ADDED')
                this.adopt(e.object);
            else if (e.type === 'DELETED') {
                const r = this.runtimes.get(e.object.metadata.uid);
                r?.kill();
                this.runtimes.delete(e.object.metadata.uid);
                this.logs.forget(e.object.metadata.namespace, e.object.metadata.name);
            }
            else if (e.object.metadata.deletionTimestamp)
                this.runtimes.get(e.object.metadata.uid)?.terminate();
            return;
        }
        if (e.gk === '/ConfigMap' || e.gk === '/Secret' || e.gk === '/PersistentVolumeClaim') {
            for (const r of this.runtimes.values())
                if (r.namespace === e.object.metadata.namespace)
                    r.wake();
        }
    }
}
class PodRuntime {
    kubelet;
    pod;
    namespace;
    name;
    uid;
    killed = false;
    cancels = new Set();
    wakers = new Set();
    init = [];
    main = [];
    conditions = [];
    phase = 'Pending';
    podIP;
    startTime;
    termination = new Map();
    constructor(kubelet, pod) {
        this.kubelet = kubelet;
        this.pod = pod;
        this.namespace = pod.metadata.namespace;
        this.name = pod.metadata.name;
        this.uid = pod.metadata.uid;
        const spec = (pod.spec ?? {});
        const status = (c) => ({
            name: String(c.name),
            image: String(c.image),
            state: { waiting: { reason: 'PodInitializing' } },
            restartCount: 0,
            ready: false,
            started: false,
        });
        for (const c of (spec.initContainers ?? []))
            this.init.push(status(c));
        for (const c of (spec.containers ?? []))
            this.main.push({
                ...status(c),
                state: { waiting: { reason: this.init.length ? 'PodInitializing' : 'ContainerCreating' } },
            });
        kubelet.logs.register(this.namespace, this.name, this.init.map((c) => c.name), this.main.map((c) => c.name));
    }
    get api() {
        return this.kubelet.api;
    }
    get clock() {
        return this.kubelet.clock;
    }
    get spec() {
        return (this.pod.spec ?? {});
    }
    get restartPolicy() {
        return String(this.spec.restartPolicy ?? 'Always');
    }
    kill() {
        this.killed = true;
        for (const c of this.cancels)
            c();
        this.cancels.clear();
    }
    /** Graceful deletion: containers are stopped; the API object goes when its deletion completes. */
    terminate() {
        if (this.killed)
            return;
        this.kill();
        for (const c of [...this.init, ...this.main])
            this.kubelet.logs.stop(this.namespace, this.name, c.name);
    }
    wake() {
        for (const w of [...this.wakers])
            w();
    }
    sleep(simulatedMs, wakeable = false) {
        return new Promise((resolve, reject) => {
            if (this.killed)
                return reject(new Killed());
            let cancelTimer = () => { };
            const done = () => {
                this.cancels.delete(cancel);
                this.wakers.delete(done);
                cancelTimer();
                resolve();
            };
            const cancel = () => {
                cancelTimer();
                this.wakers.delete(done);
                reject(new Killed());
            };
            cancelTimer = this.clock.after(simulatedMs, done);
            this.cancels.add(cancel);
            if (wakeable)
                this.wakers.add(done);
        });
    }
    event(type, reason, message, container) {
        const fieldPath = container
            ? `spec.${this.init.some((c) => c.name === container) ? 'initContainers' : 'containers'}{${container}}`
            : undefined;
        this.kubelet.events.record(this.current(), type, reason, message, 'kubelet', fieldPath);
    }
    current() {
        return this.api.present(this.kubelet.podType, this.api.tryGet(this.kubelet.podType, this.namespace, this.name) ?? this.pod);
    }
    setCondition(type, status, reason, message) {
        const existing = this.conditions.find((c) => c.type === type);
        const now = this.clock.timestamp();
        if (existing && existing.status === status && existing.reason === reason && existing.message === message)
            return;
        const next = {
            type,
            status,
            lastProbeTime: null,
            lastTransitionTime: existing?.status === status ? existing.lastTransitionTime : now,
        };
        if (reason)
            next.reason = reason;
        if (message)
            next.message = message;
        this.conditions = [...this.conditions.filter((c) => c.type !== type), next];
    }
    publish() {
        if (this.killed)
            return;
        const status = {
            phase: this.phase,
            conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']
                .map((t) => this.conditions.find((c) => c.type === t))
                .filter(Boolean),
            qosClass: 'BestEffort',
        };
        if (kubelet_get(this.pod, 'spec.nodeName')) {
            status.hostIP = '10.0.0.10';
            status.hostIPs = [{ ip: '10.0.0.10' }];
        }
        if (this.podIP) {
            status.podIP = this.podIP;
            status.podIPs = [{ ip: this.podIP }];
        }
        if (this.startTime)
            status.startTime = this.startTime;
        if (this.init.length)
            status.initContainerStatuses = this.init.map((c) => ({ ...c }));
        if (this.phase !== 'Pending' ||
            this.main.some((c) => c.started || 'terminated' in c.state) ||
            kubelet_get(this.pod, 'spec.nodeName')) {
            status.containerStatuses = this.main.map((c) => ({ ...c }));
        }
        const updated = this.api.writeStatus(this.kubelet.podType, this.pod, status);
        if (updated)
            this.pod = updated;
    }
    schedulingProblem() {
        const selector = (this.spec.nodeSelector ?? {});
        const mismatch = Object.entries(selector).some(([k, v]) => NODE_LABELS[k] !== v);
        let cpu = 0;
        let memory = 0;
        for (const c of (this.spec.containers ?? [])) {
            cpu += parseQuantity(kubelet_get(c, 'resources.requests.cpu'), false);
            memory += parseQuantity(kubelet_get(c, 'resources.requests.memory'), true);
        }
        const reasons = [];
        if (mismatch)
            reasons.push("1 node(s) didn't match Pod's node affinity/selector");
        if (cpu > CAPACITY.cpuMillis)
            reasons.push('1 Insufficient cpu');
        if (memory > CAPACITY.memoryBytes)
            reasons.push('1 Insufficient memory');
        for (const v of (this.spec.volumes ?? [])) {
            const claim = kubelet_get(v, 'persistentVolumeClaim.claimName');
            if (typeof claim !== 'string')
                continue;
            const pvc = this.api.store.get('/PersistentVolumeClaim', this.namespace, claim);
            if (!pvc)
                return `0/1 nodes are available: persistentvolumeclaim "${claim}" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.`;
            if (kubelet_get(pvc, 'status.phase') !== 'Bound')
                return '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
        }
        if (!reasons.length)
            return undefined;
        return `0/1 nodes are available: ${reasons.join(', ')}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.`;
    }
    async schedule() {
        const nodeName = kubelet_get(this.pod, 'spec.nodeName');
        if (nodeName && nodeName !== NODE_NAME)
            await new Promise(() => { }); // bound elsewhere: no kubelet runs it
        for (;;) {
            const problem = this.schedulingProblem();
            if (!problem)
                break;
            const first = !this.conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable' && c.message === problem);
            this.setCondition('PodScheduled', 'False', 'Unschedulable', problem);
            this.publish();
            if (first)
                this.kubelet.events.record(this.current(), 'Warning', 'FailedScheduling', problem, 'default-scheduler');
            await this.sleep(KUBELET_TIMING.configRetry, true);
        }
        if (!nodeName) {
            const bound = this.api.bindPod(this.pod, NODE_NAME);
            if (!bound)
                throw new Killed();
            this.pod = bound;
            this.kubelet.events.record(this.current(), 'Normal', 'Scheduled', `Successfully assigned ${this.namespace}/${this.name} to ${NODE_NAME}`, 'default-scheduler');
        }
        this.setCondition('PodScheduled', 'True');
        this.setCondition('PodReadyToStartContainers', 'False');
        this.setCondition('Initialized', this.init.length ? 'False' : 'True', this.init.length ? 'ContainersNotInitialized' : undefined, this.init.length
            ? `containers with incomplete status: [${this.init.map((c) => c.name).join(' ')}]`
            : undefined);
        this.setReadiness();
        this.startTime = this.clock.timestamp();
        this.publish();
    }
    async mountVolumes() {
        for (;;) {
            const missing = [];
            for (const v of (this.spec.volumes ?? [])) {
                const cm = kubelet_get(v, 'configMap.name');
                const secret = kubelet_get(v, 'secret.secretName');
                if (typeof cm === 'string' &&
                    kubelet_get(v, 'configMap.optional') !== true &&
                    !this.api.store.get('/ConfigMap', this.namespace, cm)) {
                    missing.push(`MountVolume.SetUp failed for volume "${String(v.name)}" : configmap "${cm}" not found`);
                }
                if (typeof secret === 'string' &&
                    kubelet_get(v, 'secret.optional') !== true &&
                    !this.api.store.get('/Secret', this.namespace, secret)) {
                    missing.push(`MountVolume.SetUp failed for volume "${String(v.name)}" : secret "${secret}" not found`);
                }
            }
            if (!missing.length)
                return;
            for (const m of missing)
                this.event('Warning', 'FailedMount', m);
            await this.sleep(KUBELET_TIMING.configRetry, true);
        }
    }
    /** The container's environment, or why it cannot be built (CreateContainerConfigError). */
    environment(container) {
        const env = {};
        const decode = (s) => Buffer.from(String(s ?? ''), 'base64').toString('utf8');
        for (const from of (container.envFrom ?? [])) {
            const prefix = String(from.prefix ?? '');
            const cmRef = from.configMapRef;
            const secretRef = from.secretRef;
            if (cmRef) {
                const cm = this.api.store.get('/ConfigMap', this.namespace, String(cmRef.name));
                if (!cm) {
                    if (cmRef.optional === true)
                        continue;
                    return { error: `configmap "${String(cmRef.name)}" not found` };
                }
                for (const [k, v] of Object.entries((cm.data ?? {})))
                    env[prefix + k] = String(v);
            }
            if (secretRef) {
                const s = this.api.store.get('/Secret', this.namespace, String(secretRef.name));
                if (!s) {
                    if (secretRef.optional === true)
                        continue;
                    return { error: `secret "${String(secretRef.name)}" not found` };
                }
                for (const [k, v] of Object.entries((s.data ?? {})))
                    env[prefix + k] = decode(v);
            }
        }
        for (const e of (container.env ?? [])) {
            const name = String(e.name);
            if (e.value !== undefined) {
                env[name] = String(e.value).replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v) => env[v] ?? m);
                continue;
            }
            const cmKey = kubelet_get(e, 'valueFrom.configMapKeyRef');
            const secretKey = kubelet_get(e, 'valueFrom.secretKeyRef');
            const fieldRef = kubelet_get(e, 'valueFrom.fieldRef.fieldPath');
            if (cmKey) {
                const cm = this.api.store.get('/ConfigMap', this.namespace, String(cmKey.name));
                const value = kubelet_get(cm, `data`);
                if (!cm) {
                    if (cmKey.optional === true)
                        continue;
                    return { error: `configmap "${String(cmKey.name)}" not found` };
                }
                if (value?.[String(cmKey.key)] === undefined) {
                    if (cmKey.optional === true)
                        continue;
                    return {
                        error: `couldn't find key ${String(cmKey.key)} in ConfigMap ${this.namespace}/${String(cmKey.name)}`,
                    };
                }
                env[name] = String(value[String(cmKey.key)]);
            }
            else if (secretKey) {
                const s = this.api.store.get('/Secret', this.namespace, String(secretKey.name));
                if (!s) {
                    if (secretKey.optional === true)
                        continue;
                    return { error: `secret "${String(secretKey.name)}" not found` };
                }
                const data = (s.data ?? {});
                if (data[String(secretKey.key)] === undefined) {
                    if (secretKey.optional === true)
                        continue;
                    return {
                        error: `couldn't find key ${String(secretKey.key)} in Secret ${this.namespace}/${String(secretKey.name)}`,
                    };
                }
                env[name] = decode(data[String(secretKey.key)]);
            }
            else if (typeof fieldRef === 'string') {
                const map = {
                    'metadata.name': this.name,
                    'metadata.namespace': this.namespace,
                    'metadata.uid': this.uid,
                    'spec.nodeName': NODE_NAME,
                    'status.podIP': this.podIP,
                    'status.hostIP': '10.0.0.10',
                };
                env[name] = map[fieldRef] ?? '';
            }
        }
        return { env };
    }
    async pullImage(status, spec) {
        const image = String(spec.image ?? '');
        let backoff = KUBELET_TIMING.backoffStart;
        const present = spec.imagePullPolicy === 'IfNotPresent' && status.restartCount > 0;
        if (present)
            return;
        for (;;) {
            this.event('Normal', 'Pulling', `Pulling image "${image}"`, status.name);
            await this.sleep(KUBELET_TIMING.imagePull);
            const invalid = !/^[a-z0-9]+([._/:@-][A-Za-z0-9_.-]+)*$/.test(image) || /[A-Z]/.test(image.split(':')[0] ?? '');
            if (invalid) {
                const message = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
                status.state = { waiting: { reason: 'InvalidImageName', message } };
                this.kubelet.logs.waiting(this.namespace, this.name, status.name, 'InvalidImageName');
                this.event('Warning', 'InspectFailed', message, status.name);
                this.publish();
                await this.sleep(KUBELET_TIMING.backoffMax, true);
                continue;
            }
            if (!image.includes('does-not-exist')) {
                this.event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${KUBELET_TIMING.imagePull}ms (${KUBELET_TIMING.imagePull}ms including waiting). Image size: 4271245 bytes.`, status.name);
                status.imageID = `${fullImageReference(image).split(':')[0]}@sha256:${'0'.repeat(64)}`;
                return;
            }
            const ref = fullImageReference(image);
            const pullMessage = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
            status.state = { waiting: { reason: 'ErrImagePull', message: pullMessage } };
            this.kubelet.logs.waiting(this.namespace, this.name, status.name, 'trying and failing to pull image');
            this.event('Warning', 'Failed', `Failed to pull image "${image}": ${pullMessage}`, status.name);
            this.event('Warning', 'Failed', 'Error: ErrImagePull', status.name);
            this.publish();
            await this.sleep(KUBELET_TIMING.containerStart);
            status.state = {
                waiting: {
                    reason: 'ImagePullBackOff',
                    message: `Back-off pulling image "${image}": ErrImagePull: ${pullMessage}`,
                },
            };
            this.kubelet.logs.waiting(this.namespace, this.name, status.name, "image can't be pulled");
            this.event('Normal', 'BackOff', `Back-off pulling image "${image}"`, status.name);
            this.event('Warning', 'Failed', 'Error: ImagePullBackOff', status.name);
            this.publish();
            await this.sleep(backoff);
            backoff = Math.min(backoff * 2, KUBELET_TIMING.backoffMax);
        }
    }
    async prepare(status, spec) {
        await this.pullImage(status, spec);
        for (;;) {
            const env = this.environment(spec);
            if ('env' in env)
                return env.env;
            status.state = { waiting: { reason: 'CreateContainerConfigError', message: env.error } };
            this.kubelet.logs.waiting(this.namespace, this.name, status.name, 'CreateContainerConfigError');
            this.event('Warning', 'Failed', `Error: ${env.error}`, status.name);
            this.publish();
            await this.sleep(KUBELET_TIMING.configRetry, true);
        }
    }
    /** One run of a container, from start to exit. */
    async runOnce(status, spec, env) {
        await this.sleep(KUBELET_TIMING.containerStart);
        this.event('Normal', 'Created', `Created container: ${status.name}`, status.name);
        const startedAt = this.clock.timestamp();
        const containerID = `embedded://${this.uid.slice(0, 8)}-${status.name}-${status.restartCount}`;
        status.state = { running: { startedAt } };
        status.started = true;
        status.containerID = containerID;
        this.termination.delete(status.name);
        this.kubelet.logs.start(this.namespace, this.name, status.name);
        this.event('Normal', 'Started', `Started container ${status.name}`, status.name);
        this.onContainerStarted(status, spec);
        this.publish();
        const program = programOf(spec);
        let exitCode = 0;
        let reason;
        if (program.kind === 'server') {
            await new Promise((_resolve, reject) => this.cancels.add(() => reject(new Killed())));
        }
        else {
            try {
                const chains = parseScript(program.source, env);
                const outcome = await runScript(chains, {
                    log: (text) => this.kubelet.logs.append(this.namespace, this.name, status.name, text),
                    terminationMessage: (text, append) => this.termination.set(status.name, (append ? (this.termination.get(status.name) ?? '') : '') + text),
                    sleep: (ms) => this.sleep(ms),
                });
                exitCode = outcome.exitCode;
                reason = outcome.reason;
            }
            catch (err) {
                if (!(err instanceof ScriptSyntaxError))
                    throw err;
                this.kubelet.logs.append(this.namespace, this.name, status.name, `sh: syntax error: ${err.message}`);
                exitCode = 2;
            }
        }
        this.kubelet.logs.stop(this.namespace, this.name, status.name);
        let message = this.termination.get(status.name)?.replace(/\n$/, '');
        if (!message && exitCode !== 0 && spec.terminationMessagePolicy === 'FallbackToLogsOnError') {
            message = this.kubelet.logs.tail(this.namespace, this.name, status.name, 80).join('\n');
        }
        return {
            exitCode,
            reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error'),
            ...(message ? { message } : {}),
            startedAt,
            finishedAt: this.clock.timestamp(),
            containerID,
        };
    }
    onContainerStarted(status, spec) {
        if (this.init.includes(status))
            return;
        const delay = Number(kubelet_get(spec, 'readinessProbe.initialDelaySeconds') ?? 0) * 1000;
        const markReady = () => {
            if (!('running' in status.state))
                return;
            status.ready = true;
            this.setReadiness();
            this.publish();
        };
        if (delay > 0) {
            const cancel = this.clock.after(delay, markReady);
            this.cancels.add(cancel);
        }
        else
            status.ready = true;
        this.phase = 'Running';
        this.setReadiness();
    }
    setReadiness() {
        const notReady = this.main.filter((c) => !c.ready).map((c) => c.name);
        const reason = notReady.length ? 'ContainersNotReady' : undefined;
        const message = notReady.length ? `containers with unready status: [${notReady.join(' ')}]` : undefined;
        this.setCondition('ContainersReady', notReady.length ? 'False' : 'True', reason, message);
        this.setCondition('Ready', notReady.length ? 'False' : 'True', reason, message);
    }
    /** Runs a container until it is done for good: returns its final exit code (init: 0 means continue). */
    async runContainer(status, spec, isInit) {
        let backoff = KUBELET_TIMING.backoffStart;
        for (;;) {
            const env = await this.prepare(status, spec);
            const result = await this.runOnce(status, spec, env);
            status.state = { terminated: result };
            status.ready = false;
            if (!isInit)
                this.setReadiness();
            const policy = this.restartPolicy;
            const restart = isInit
                ? result.exitCode !== 0 && policy !== 'Never'
                : policy === 'Always' || (policy === 'OnFailure' && result.exitCode !== 0);
            if (!restart) {
                this.publish();
                return result.exitCode;
            }
            status.lastState = { terminated: result };
            status.restartCount++;
            this.kubelet.logs.keepAsPrevious(this.namespace, this.name, status.name);
            status.state = {
                waiting: {
                    reason: 'CrashLoopBackOff',
                    message: `back-off ${Math.round(backoff / 1000)}s restarting failed container=${status.name} pod=${this.name}_${this.namespace}(${this.uid})`,
                },
            };
            this.event('Warning', 'BackOff', `Back-off restarting failed container ${status.name} in pod ${this.name}_${this.namespace}(${this.uid})`, status.name);
            this.publish();
            await this.sleep(backoff);
            backoff = Math.min(backoff * 2, KUBELET_TIMING.backoffMax);
        }
    }
    async run() {
        if (this.pod.metadata.deletionTimestamp)
            return;
        await this.schedule();
        await this.mountVolumes();
        this.podIP = this.kubelet.nextPodIP();
        this.setCondition('PodReadyToStartContainers', 'True');
        this.publish();
        const specs = (list) => (this.spec[list] ?? []);
        for (const [i, status] of this.init.entries()) {
            const code = await this.runContainer(status, specs('initContainers')[i], true);
            if (code !== 0) {
                this.phase = 'Failed';
                for (const m of this.main)
                    m.state = { waiting: { reason: 'PodInitializing' } };
                this.publish();
                return;
            }
        }
        if (this.init.length) {
            this.setCondition('Initialized', 'True');
            for (const m of this.main)
                m.state = { waiting: { reason: 'ContainerCreating' } };
            this.publish();
        }
        const codes = await Promise.all(this.main.map((status, i) => this.runContainer(status, specs('containers')[i], false)));
        this.phase = codes.every((c) => c === 0) ? 'Succeeded' : 'Failed';
        this.setCondition('PodReadyToStartContainers', 'False');
        this.setReadiness();
        const reason = this.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
        for (const t of ['Ready', 'ContainersReady'])
            this.setCondition(t, 'False', reason);
        this.publish();
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/random.ts
/** Seeded randomness, so generated names and fault injection are the same on every run with one seed. */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
class SeededRandom {
    state;
    constructor(seed = 0x5eed) {
        this.state = seed >>> 0 || 1;
    }
    /** Mulberry32: small, fast, good enough for names and fault dice. */
    next() {
        let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** The 5-character suffix Kubernetes appends to generateName, from the same alphabet. */
    nameSuffix(length = 5) {
        let s = '';
        for (let i = 0; i < length; i++)
            s += NAME_ALPHABET[Math.floor(this.next() * NAME_ALPHABET.length)];
        return s;
    }
    uid() {
        const hex = () => Math.floor(this.next() * 0x10000)
            .toString(16)
            .padStart(4, '0');
        return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
    }
}
/** A stable short hash of a JSON value (the pod-template-hash a Deployment's ReplicaSets carry). */
function templateHash(value) {
    const text = JSON.stringify(value);
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    let out = '';
    for (let i = 0; i < 10; i++) {
        out += NAME_ALPHABET[h % NAME_ALPHABET.length];
        h = Math.floor(h / NAME_ALPHABET.length) || (h ^ 0x9e3779b9) >>> 0;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/pod-template.ts

function createPodFromTemplate(ctx, owner, ownerApiVersion, ownerKind, options) {
    const api = ctx.api;
    const podType = api.registry.byKind('', 'Pod');
    const template = structuredClone((owner.spec?.template ?? {}));
    const tmeta = (template.metadata ?? {});
    const spec = { ...(template.spec ?? {}), ...(options.specPatch ?? {}) };
    if (options.hostname)
        spec.hostname = options.hostname;
    const body = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
            ...(options.name
                ? { name: options.name }
                : { generateName: options.generateName ?? `${owner.metadata.name}-` }),
            namespace: owner.metadata.namespace,
            labels: { ...(tmeta.labels ?? {}), ...(options.labels ?? {}) },
            ...(tmeta.annotations ? { annotations: tmeta.annotations } : {}),
            ownerReferences: [ownerReference(owner, ownerApiVersion, ownerKind)],
        },
        spec,
    };
    try {
        const pod = api.create(podType, owner.metadata.namespace, body, {
            fieldManager: 'kube-controller-manager',
        });
        ctx.events.record(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, `${ownerKind.toLowerCase()}-controller`);
        return pod;
    }
    catch (err) {
        const message = err.message;
        ctx.events.record(owner, 'Warning', 'FailedCreate', `Error creating: ${message}`, `${ownerKind.toLowerCase()}-controller`);
        return undefined;
    }
}
function podReady(pod) {
    const conds = (pod.status?.conditions ?? []);
    return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}
function podPhase(pod) {
    return String(pod.status?.phase ?? 'Pending');
}
function podActive(pod) {
    const phase = podPhase(pod);
    return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/daemonset-controller.ts
/** DaemonSets on the one simulated node: one pod when the node matches, replaced when the template changes. */




const daemonset_controller_NODE_LABELS = {
    'kubernetes.io/hostname': NODE_NAME,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
};
class DaemonSetController extends Controller {
    name = 'daemonset-controller';
    keysFor(e) {
        if (e.gk === 'apps/DaemonSet')
            return e.type === 'DELETED' ? [] : [keyOf(e.object)];
        if (e.gk === '/Pod') {
            const owner = controllerOf(e.object, 'DaemonSet');
            return owner ? [owner] : [];
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list('apps/DaemonSet').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const dsType = api.registry.byKind('apps', 'DaemonSet');
        const podType = api.registry.byKind('', 'Pod');
        const { namespace, name } = splitKey(key);
        const stored = api.tryGet(dsType, namespace, name);
        if (!stored || stored.metadata.deletionTimestamp)
            return;
        const ds = api.present(dsType, stored);
        const spec = (ds.spec ?? {});
        const template = (spec.template ?? {});
        const selector = ((template.spec ?? {}).nodeSelector ?? {});
        const fits = Object.entries(selector).every(([k, v]) => daemonset_controller_NODE_LABELS[k] === v);
        const hash = templateHash(template);
        const pods = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, ds) && podActive(p));
        const onDelete = (spec.updateStrategy ?? {}).type === 'OnDelete';
        for (const p of pods) {
            const outdated = p.metadata.labels?.['controller-revision-hash'] !== hash;
            if (!fits || (outdated && !onDelete) || pods.indexOf(p) > 0) {
                try {
                    api.delete(podType, namespace, p.metadata.name, { propagationPolicy: 'Background' });
                }
                catch {
                    /* gone */
                }
            }
        }
        const live = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, ds) && podActive(p));
        if (fits && live.length === 0) {
            createPodFromTemplate(this.ctx, ds, 'apps/v1', 'DaemonSet', {
                generateName: `${name}-`,
                labels: {
                    'controller-revision-hash': hash,
                    'pod-template-generation': String(ds.metadata.generation ?? 1),
                },
                specPatch: { nodeName: undefined },
            });
        }
        const now = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, ds) && podActive(p));
        const ready = now.filter(podReady).length;
        api.writeStatus(dsType, stored, {
            observedGeneration: ds.metadata.generation,
            desiredNumberScheduled: fits ? 1 : 0,
            currentNumberScheduled: now.length,
            numberMisscheduled: 0,
            numberReady: ready,
            numberAvailable: ready || undefined,
            updatedNumberScheduled: now.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash)
                .length,
            ...(fits && ready === 0 ? { numberUnavailable: 1 } : {}),
        });
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/deployment-controller.ts


function resolveIntOrPercent(value, total, roundUp) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && value.endsWith('%')) {
        const n = (Number(value.slice(0, -1)) * total) / 100;
        return roundUp ? Math.ceil(n) : Math.floor(n);
    }
    return Number(value ?? 0);
}
const REVISION = 'deployment.kubernetes.io/revision';
class DeploymentController extends Controller {
    name = 'deployment-controller';
    keysFor(e) {
        if (e.gk === 'apps/Deployment')
            return e.type === 'DELETED' ? [] : [keyOf(e.object)];
        if (e.gk === 'apps/ReplicaSet') {
            const owner = controllerOf(e.object, 'Deployment');
            return owner ? [owner] : [];
        }
        if (e.gk === '/Pod') {
            // Pods changing readiness move the rollout on; their ReplicaSet's owner is the Deployment.
            const rsKey = controllerOf(e.object, 'ReplicaSet');
            if (!rsKey)
                return [];
            const { namespace, name } = splitKey(rsKey);
            const rs = this.ctx.api.store.get('apps/ReplicaSet', namespace, name);
            const owner = rs && controllerOf(rs, 'Deployment');
            return owner ? [owner] : [];
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list('apps/Deployment').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const dType = api.registry.byKind('apps', 'Deployment');
        const rsType = api.registry.byKind('apps', 'ReplicaSet');
        const { namespace, name } = splitKey(key);
        const stored = api.tryGet(dType, namespace, name);
        if (!stored || stored.metadata.deletionTimestamp)
            return;
        const d = api.present(dType, stored);
        const spec = (d.spec ?? {});
        const desired = Number(spec.replicas ?? 1);
        const template = (spec.template ?? {});
        const hash = templateHash(template);
        const owned = () => api.store
            .list('apps/ReplicaSet', namespace)
            .filter((rs) => ownedBy(rs, d))
            .map((rs) => api.present(rsType, rs));
        let all = owned();
        let newRS = all.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
        const revisions = all.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0));
        const nextRevision = Math.max(0, ...revisions) + 1;
        const paused = spec.paused === true;
        if (!newRS && !paused) {
            const tmeta = (template.metadata ?? {});
            const selector = structuredClone((spec.selector ?? {}));
            selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
            const isFirst = all.length === 0;
            const strategy = (spec.strategy ?? {});
            const surge = resolveIntOrPercent(strategy.rollingUpdate?.maxSurge ?? '25%', desired, true);
            const initial = strategy.type === 'Recreate' ? 0 : isFirst ? desired : 0;
            try {
                newRS = api.present(rsType, api.create(rsType, namespace, {
                    apiVersion: 'apps/v1',
                    kind: 'ReplicaSet',
                    metadata: {
                        name: `${name}-${hash}`,
                        namespace,
                        labels: { ...(tmeta.labels ?? {}), 'pod-template-hash': hash },
                        annotations: {
                            [REVISION]: String(nextRevision),
                            'deployment.kubernetes.io/desired-replicas': String(desired),
                            'deployment.kubernetes.io/max-replicas': String(desired + surge),
                        },
                        ownerReferences: [ownerReference(d, 'apps/v1', 'Deployment')],
                    },
                    spec: {
                        replicas: initial,
                        selector,
                        template: {
                            ...template,
                            metadata: {
                                ...tmeta,
                                labels: { ...(tmeta.labels ?? {}), 'pod-template-hash': hash },
                            },
                        },
                    },
                }, { fieldManager: 'kube-controller-manager' }));
                this.ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${newRS.metadata.name} from 0 to ${initial}`, 'deployment-controller');
                const annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: String(nextRevision) };
                api.writeObject(dType, {
                    ...structuredClone(stored),
                    metadata: { ...structuredClone(stored.metadata), annotations },
                });
            }
            catch {
                return;
            }
            all = owned();
        }
        const scale = (rs, to) => {
            const from = Number(rs.spec.replicas ?? 0);
            if (from === to)
                return;
            api.writeObject(rsType, {
                ...structuredClone(rs),
                spec: { ...structuredClone(rs.spec), replicas: to },
            });
            this.ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`, 'deployment-controller');
        };
        const replicasOf = (rs) => Number(rs.spec.replicas ?? 0);
        const statusOf = (rs, f) => Number((rs.status ?? {})[f] ?? 0);
        if (!paused && newRS) {
            const old = all.filter((rs) => rs.metadata.uid !== newRS.metadata.uid);
            const strategy = (spec.strategy ?? {});
            if (strategy.type === 'Recreate') {
                for (const rs of old)
                    scale(rs, 0);
                const oldPods = api.store.list('/Pod', namespace).filter((p) => old.some((rs) => ownedBy(p, rs)));
                if (oldPods.length === 0)
                    scale(newRS, desired);
            }
            else {
                const ru = (strategy.rollingUpdate ?? {});
                const maxSurge = resolveIntOrPercent(ru.maxSurge ?? '25%', desired, true);
                let maxUnavailable = resolveIntOrPercent(ru.maxUnavailable ?? '25%', desired, false);
                if (maxSurge === 0 && maxUnavailable === 0)
                    maxUnavailable = 1;
                const total = all.reduce((n, rs) => n + replicasOf(rs), 0);
                const current = replicasOf(newRS);
                if (current < desired) {
                    const up = Math.min(desired + maxSurge - total, desired - current);
                    if (up > 0)
                        scale(newRS, current + up);
                }
                else if (current > desired)
                    scale(newRS, desired);
                const fresh = owned();
                const freshNew = fresh.find((rs) => rs.metadata.uid === newRS.metadata.uid);
                const allPods = fresh.reduce((n, rs) => n + replicasOf(rs), 0);
                const minAvailable = desired - maxUnavailable;
                const newUnavailable = Math.max(0, replicasOf(freshNew) - statusOf(freshNew, 'availableReplicas'));
                let canRemove = allPods - minAvailable - newUnavailable;
                const oldFirst = fresh
                    .filter((rs) => rs.metadata.uid !== freshNew.metadata.uid && replicasOf(rs) > 0)
                    .sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp));
                for (const rs of oldFirst) {
                    if (canRemove <= 0)
                        break;
                    const down = Math.min(replicasOf(rs), canRemove);
                    scale(rs, replicasOf(rs) - down);
                    canRemove -= down;
                }
            }
        }
        this.writeStatus(d, stored, owned(), newRS);
    }
    writeStatus(d, stored, all, newRS) {
        const api = this.ctx.api;
        const dType = api.registry.byKind('apps', 'Deployment');
        const spec = (d.spec ?? {});
        const desired = Number(spec.replicas ?? 1);
        const sum = (f) => all.reduce((n, rs) => n + Number((rs.status ?? {})[f] ?? 0), 0);
        const replicas = sum('replicas');
        const updated = newRS ? Number((newRS.status ?? {}).replicas ?? 0) : 0;
        const ready = sum('readyReplicas');
        const available = sum('availableReplicas');
        const strategy = (spec.strategy ?? {});
        const maxUnavailable = strategy.type === 'Recreate'
            ? 0
            : resolveIntOrPercent((strategy.rollingUpdate ?? {}).maxUnavailable ?? '25%', desired, false);
        const now = this.ctx.clock.timestamp();
        const previous = (d.status ?? {});
        let conditions = (previous.conditions ?? []).slice();
        const isAvailable = available >= desired - maxUnavailable;
        conditions = withCondition(conditions, isAvailable
            ? {
                type: 'Available',
                status: 'True',
                reason: 'MinimumReplicasAvailable',
                message: 'Deployment has minimum availability.',
            }
            : {
                type: 'Available',
                status: 'False',
                reason: 'MinimumReplicasUnavailable',
                message: 'Deployment does not have minimum availability.',
            }, now, { lastUpdateTime: now });
        const rsName = newRS?.metadata.name ?? '';
        const progressing = condition(d, 'Progressing');
        const complete = updated === desired && replicas === desired && available === desired;
        const moved = previous.replicas !== replicas ||
            previous.updatedReplicas !== updated ||
            (previous.readyReplicas ?? 0) !== ready ||
            (previous.availableReplicas ?? 0) !== available ||
            previous.observedGeneration !== d.metadata.generation;
        const deadline = Number(spec.progressDeadlineSeconds ?? 600);
        if (spec.paused === true) {
            conditions = withCondition(conditions, {
                type: 'Progressing',
                status: 'Unknown',
                reason: 'DeploymentPaused',
                message: 'Deployment is paused',
            }, now, { lastUpdateTime: now });
        }
        else if (complete) {
            if (progressing?.reason !== 'NewReplicaSetAvailable') {
                conditions = withCondition(conditions, {
                    type: 'Progressing',
                    status: 'True',
                    reason: 'NewReplicaSetAvailable',
                    message: `ReplicaSet "${rsName}" has successfully progressed.`,
                }, now, { lastUpdateTime: now });
            }
        }
        else if (moved ||
            !progressing ||
            progressing.reason === 'NewReplicaSetAvailable' ||
            progressing.reason === 'DeploymentPaused') {
            const reason = progressing ? 'ReplicaSetUpdated' : 'NewReplicaSetCreated';
            const message = progressing
                ? `ReplicaSet "${rsName}" is progressing.`
                : `Created new replica set "${rsName}"`;
            conditions = withCondition(conditions, { type: 'Progressing', status: 'True', reason, message }, now, {
                lastUpdateTime: now,
            });
            this.ctx.requeueAfter(this, keyOf(d), deadline * 1000 + 10);
        }
        else if (progressing.reason !== 'ProgressDeadlineExceeded') {
            const since = this.ctx.clock.simulatedSince(String(progressing.lastUpdateTime ?? progressing.lastTransitionTime ?? now));
            if (since >= deadline * 1000) {
                conditions = withCondition(conditions, {
                    type: 'Progressing',
                    status: 'False',
                    reason: 'ProgressDeadlineExceeded',
                    message: `ReplicaSet "${rsName}" has timed out progressing.`,
                }, now, { lastUpdateTime: now });
                this.ctx.events.record(d, 'Warning', 'ProgressDeadlineExceeded', `Deployment "${d.metadata.name}" exceeded its progress deadline`, 'deployment-controller');
            }
            else
                this.ctx.requeueAfter(this, keyOf(d), deadline * 1000 - since + 10);
        }
        const status = {
            observedGeneration: d.metadata.generation,
            replicas: replicas || undefined,
            updatedReplicas: updated || undefined,
            readyReplicas: ready || undefined,
            availableReplicas: available || undefined,
            unavailableReplicas: Math.max(0, desired - available) || undefined,
            conditions,
        };
        for (const k of Object.keys(status))
            if (status[k] === undefined)
                delete status[k];
        api.writeStatus(dType, stored, status);
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/event-recorder.ts
class EventRecorder {
    api;
    counter = 0;
    constructor(api) {
        this.api = api;
    }
    record(involved, type, reason, message, component, fieldPath) {
        const eventType = this.api.registry.byKind('', 'Event');
        const namespace = involved.metadata.namespace ?? 'default';
        if (!this.api.store.get('/Namespace', undefined, namespace) ||
            this.api.store.get('/Namespace', undefined, namespace)?.metadata.deletionTimestamp)
            return;
        const now = this.api.clock.timestamp();
        const existing = this.api.store
            .list('/Event', namespace)
            .find((e) => e.involvedObject?.uid === involved.metadata.uid &&
            e.reason === reason &&
            e.message === message);
        try {
            if (existing) {
                this.api.update(eventType, namespace, existing.metadata.name, { ...existing, count: Number(existing.count ?? 1) + 1, lastTimestamp: now }, { fieldManager: component });
                return;
            }
            const suffix = (Date.now() * 1000 + (this.counter++ % 1000)).toString(16);
            this.api.create(eventType, namespace, {
                apiVersion: 'v1',
                kind: 'Event',
                metadata: { name: `${involved.metadata.name}.${suffix}`, namespace },
                involvedObject: {
                    apiVersion: involved.apiVersion,
                    kind: involved.kind,
                    name: involved.metadata.name,
                    namespace: involved.metadata.namespace,
                    uid: involved.metadata.uid,
                    resourceVersion: involved.metadata.resourceVersion,
                    ...(fieldPath ? { fieldPath } : {}),
                },
                reason,
                message,
                type,
                count: 1,
                firstTimestamp: now,
                lastTimestamp: now,
                source: { component, ...(component === 'kubelet' ? { host: 'embedded-node' } : {}) },
                reportingComponent: component,
                reportingInstance: component === 'kubelet' ? 'embedded-node' : '',
            }, { fieldManager: component });
        }
        catch {
            // Events are best effort, as they are in Kubernetes.
        }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/garbage-collector.ts

class GarbageCollector extends Controller {
    name = 'garbage-collector';
    /** owner uid → its dependents. */
    dependents = new Map();
    /** uid → where that object is, for owners being deleted. */
    byUid = new Map();
    constructor(ctx) {
        super(ctx);
        for (const gk of ctx.api.store.kinds())
            for (const obj of ctx.api.store.list(gk))
                this.index(gk, obj, undefined);
    }
    refKey(r) {
        return `${r.gk}|${r.namespace ?? ''}|${r.name}`;
    }
    index(gk, obj, previous) {
        const ref = previous ?? obj;
        if (!ref)
            return;
        const me = { gk, namespace: ref.metadata.namespace, name: ref.metadata.name };
        for (const o of previous?.metadata.ownerReferences ?? [])
            this.dependents.get(o.uid)?.delete(this.refKey(me));
        if (!obj) {
            this.byUid.delete(ref.metadata.uid);
            return;
        }
        this.byUid.set(obj.metadata.uid, me);
        for (const o of obj.metadata.ownerReferences ?? []) {
            let deps = this.dependents.get(o.uid);
            if (!deps)
                this.dependents.set(o.uid, (deps = new Map()));
            deps.set(this.refKey(me), me);
        }
    }
    keysFor(e) {
        this.index(e.gk, e.type === 'DELETED' ? undefined : e.object, e.previous);
        const keys = [];
        if (e.type === 'DELETED') {
            keys.push(`deleted:${e.object.metadata.uid}`);
            // An owner waiting for this dependent may now finish.
            for (const o of e.object.metadata.ownerReferences ?? [])
                keys.push(`owner:${o.uid}`);
        }
        else if (e.object.metadata.deletionTimestamp)
            keys.push(`owner:${e.object.metadata.uid}`);
        return keys;
    }
    initialKeys() {
        const keys = [];
        for (const [uid] of this.dependents)
            if (!this.byUid.has(uid))
                keys.push(`deleted:${uid}`);
        for (const [uid] of this.byUid)
            keys.push(`owner:${uid}`);
        return keys;
    }
    lookup(ref) {
        return this.ctx.api.store.get(ref.gk, ref.namespace, ref.name);
    }
    typeOf(gk) {
        const slash = gk.indexOf('/');
        return this.ctx.api.registry.byKind(gk.slice(0, slash), gk.slice(slash + 1));
    }
    reconcile(key) {
        const [what, uid] = key.split(':');
        const api = this.ctx.api;
        if (what === 'deleted') {
            if (this.byUid.has(uid))
                return; // recreated with the same uid: not possible, but be safe
            for (const dep of [...(this.dependents.get(uid)?.values() ?? [])]) {
                const obj = this.lookup(dep);
                const type = this.typeOf(dep.gk);
                if (!obj || !type || obj.metadata.deletionTimestamp)
                    continue;
                const remaining = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid && this.byUid.has(r.uid));
                if (remaining.length)
                    continue; // another owner still holds it
                try {
                    api.delete(type, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: 'Background' });
                }
                catch {
                    /* already gone */
                }
            }
            this.dependents.delete(uid);
            return;
        }
        const ref = this.byUid.get(uid);
        const owner = ref && this.lookup(ref);
        const ownerType = ref && this.typeOf(ref.gk);
        if (!owner || !ownerType || !owner.metadata.deletionTimestamp)
            return;
        const finalizers = owner.metadata.finalizers ?? [];
        const deps = [...(this.dependents.get(uid)?.values() ?? [])]
            .map((d) => ({ d, obj: this.lookup(d) }))
            .filter((x) => x.obj);
        if (finalizers.includes('orphan')) {
            for (const { d, obj } of deps) {
                const type = this.typeOf(d.gk);
                if (!type || !obj)
                    continue;
                const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
                api.writeObject(type, {
                    ...structuredClone(obj),
                    metadata: { ...structuredClone(obj.metadata), ownerReferences: refs.length ? refs : undefined },
                });
            }
            this.removeFinalizer(ownerType, owner, 'orphan');
            return;
        }
        if (finalizers.includes('foregroundDeletion')) {
            let blocking = 0;
            for (const { d, obj } of deps) {
                const type = this.typeOf(d.gk);
                if (!type || !obj)
                    continue;
                const blocks = (obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion);
                if (blocks)
                    blocking++;
                if (!obj.metadata.deletionTimestamp) {
                    try {
                        api.delete(type, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: 'Foreground' });
                    }
                    catch {
                        /* gone */
                    }
                }
            }
            if (blocking === 0)
                this.removeFinalizer(ownerType, owner, 'foregroundDeletion');
        }
    }
    removeFinalizer(type, owner, finalizer) {
        const current = this.ctx.api.tryGet(type, owner.metadata.namespace, owner.metadata.name);
        if (!current)
            return;
        const finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== finalizer);
        this.ctx.api.writeObject(type, {
            ...structuredClone(current),
            metadata: { ...structuredClone(current.metadata), finalizers },
        });
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/job-controller.ts


const JOB_BACKOFF = { startMs: 10_000, maxMs: 360_000 };
class JobController extends Controller {
    name = 'job-controller';
    keysFor(e) {
        if (e.gk === 'batch/Job')
            return e.type === 'DELETED' ? [] : [keyOf(e.object)];
        if (e.gk === '/Pod') {
            const owner = controllerOf(e.object, 'Job');
            return owner ? [owner] : [];
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list('batch/Job').map(keyOf);
    }
    get jobType() {
        return this.ctx.api.registry.byKind('batch', 'Job');
    }
    reconcile(key) {
        const api = this.ctx.api;
        const { namespace, name } = splitKey(key);
        const stored = api.tryGet(this.jobType, namespace, name);
        if (!stored || stored.metadata.deletionTimestamp)
            return;
        const job = api.present(this.jobType, stored);
        const spec = (job.spec ?? {});
        const status = { ...(job.status ?? {}) };
        const now = this.ctx.clock.timestamp();
        if (isTrue(job, 'Complete') || isTrue(job, 'Failed')) {
            this.scheduleTtl(job, key);
            return;
        }
        if (spec.suspend === true)
            return;
        const pods = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, job));
        const active = pods.filter(podActive);
        const succeeded = pods.filter((p) => podPhase(p) === 'Succeeded').length;
        const failedPods = pods.filter((p) => podPhase(p) === 'Failed');
        const failed = failedPods.length;
        const completions = Number(spec.completions ?? 1);
        const parallelism = Number(spec.parallelism ?? 1);
        const backoffLimit = Number(spec.backoffLimit ?? 6);
        status.startTime ??= now;
        let conditions = (status.conditions ?? []).slice();
        const finish = (type, reason, message) => {
            for (const p of active) {
                try {
                    api.delete(api.registry.byKind('', 'Pod'), namespace, p.metadata.name, {
                        propagationPolicy: 'Background',
                    });
                }
                catch {
                    /* gone */
                }
            }
            if (type === 'Complete') {
                conditions = withCondition(conditions, { type: 'SuccessCriteriaMet', status: 'True', reason, message }, now, { lastProbeTime: now });
                status.completionTime = now;
            }
            else {
                conditions = withCondition(conditions, { type: 'FailureTarget', status: 'True', reason, message }, now, { lastProbeTime: now });
            }
            conditions = withCondition(conditions, { type, status: 'True', reason, message }, now, {
                lastProbeTime: now,
            });
            this.ctx.events.record(job, type === 'Complete' ? 'Normal' : 'Warning', type === 'Complete' ? 'Completed' : reason, type === 'Complete' ? 'Job completed' : message, 'job-controller');
        };
        const deadline = Number(spec.activeDeadlineSeconds ?? 0);
        const elapsedSim = this.ctx.clock.simulatedSince(String(status.startTime));
        if (succeeded >= completions) {
            finish('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods');
        }
        else if (failed > backoffLimit) {
            finish('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
        }
        else if (deadline > 0 && elapsedSim >= deadline * 1000) {
            finish('Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline');
        }
        else {
            if (deadline > 0)
                this.ctx.requeueAfter(this, key, deadline * 1000 - elapsedSim + 1);
            const want = Math.min(parallelism, completions - succeeded);
            if (active.length < want) {
                const delay = this.backoffRemaining(failedPods, failed);
                if (delay > 0)
                    this.ctx.requeueAfter(this, key, delay);
                else
                    for (let i = active.length; i < want; i++)
                        createPodFromTemplate(this.ctx, job, 'batch/v1', 'Job', { generateName: `${name}-` });
            }
        }
        const fresh = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, job));
        const next = {
            ...status,
            active: fresh.filter(podActive).length || undefined,
            ready: fresh.filter((p) => podActive(p) && podReady(p)).length,
            succeeded: fresh.filter((p) => podPhase(p) === 'Succeeded').length || undefined,
            failed: fresh.filter((p) => podPhase(p) === 'Failed').length || undefined,
            terminating: 0,
            uncountedTerminatedPods: {},
            ...(conditions.length ? { conditions } : {}),
        };
        for (const k of Object.keys(next))
            if (next[k] === undefined)
                delete next[k];
        if (isFinished(conditions))
            delete next.active;
        const written = api.writeStatus(this.jobType, stored, next);
        if (written && isFinished(conditions))
            this.scheduleTtl(api.present(this.jobType, written), key);
    }
    /** Simulated ms until the next pod may be created after `failed` failures (0: now). */
    backoffRemaining(failedPods, failed) {
        if (failed === 0)
            return 0;
        const delay = Math.min(JOB_BACKOFF.startMs * 2 ** (failed - 1), JOB_BACKOFF.maxMs);
        const lastFailure = failedPods
            .map((p) => {
            const statuses = (p.status?.containerStatuses ?? []);
            const ends = statuses.map((s) => String(s.state?.terminated?.finishedAt ??
                p.metadata.creationTimestamp));
            return Math.max(...ends.map((t) => Date.parse(t)), Date.parse(p.metadata.creationTimestamp));
        })
            .reduce((a, b) => Math.max(a, b), 0);
        const since = this.ctx.clock.simulatedSince(new Date(lastFailure).toISOString());
        return Math.max(0, delay - since);
    }
    scheduleTtl(job, key) {
        const ttl = job.spec?.ttlSecondsAfterFinished;
        if (typeof ttl !== 'number')
            return;
        const status = (job.status ?? {});
        const conds = (status.conditions ?? []);
        const finishedAt = String(status.completionTime ??
            conds.find((c) => (c.type === 'Failed' || c.type === 'Complete') && c.status === 'True')
                ?.lastTransitionTime ??
            '');
        if (!finishedAt)
            return;
        const remaining = ttl * 1000 - this.ctx.clock.simulatedSince(finishedAt);
        if (remaining > 0) {
            this.ctx.requeueAfter(this, key, remaining);
            return;
        }
        try {
            this.ctx.api.delete(this.jobType, job.metadata.namespace, job.metadata.name, {
                propagationPolicy: 'Foreground',
                preconditions: { uid: job.metadata.uid },
            });
        }
        catch {
            /* gone */
        }
    }
}
function isFinished(conditions) {
    return conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/namespace-controller.ts

class NamespaceController extends Controller {
    name = 'namespace-controller';
    keysFor(e) {
        if (e.gk === '/Namespace' && e.type !== 'DELETED' && e.object.metadata.deletionTimestamp)
            return [`/${e.object.metadata.name}`];
        if (e.type === 'DELETED' && e.object.metadata.namespace) {
            const ns = this.ctx.api.store.get('/Namespace', undefined, e.object.metadata.namespace);
            if (ns?.metadata.deletionTimestamp)
                return [`/${ns.metadata.name}`];
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store
            .list('/Namespace')
            .filter((n) => n.metadata.deletionTimestamp)
            .map((n) => `/${n.metadata.name}`);
    }
    reconcile(key) {
        const name = key.slice(1);
        const api = this.ctx.api;
        const nsType = api.registry.byKind('', 'Namespace');
        const ns = api.tryGet(nsType, undefined, name);
        if (!ns?.metadata.deletionTimestamp)
            return;
        let remaining = 0;
        for (const type of api.registry.all()) {
            if (!type.namespaced)
                continue;
            for (const obj of api.store.list(api.gk(type), name)) {
                remaining++;
                if (obj.metadata.deletionTimestamp)
                    continue;
                try {
                    api.delete(type, name, obj.metadata.name, { propagationPolicy: 'Background' });
                }
                catch {
                    /* gone already */
                }
            }
        }
        // Events are deleted last and do not hold the namespace back once everything else is gone.
        const left = api.registry.all().some((t) => t.namespaced && api.store.list(api.gk(t), name).length > 0);
        if (remaining > 0 && left)
            return;
        const current = api.tryGet(nsType, undefined, name);
        if (!current)
            return;
        if ((current.metadata.finalizers ?? []).length === 0)
            api.finalize(nsType, current);
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/network-and-storage-controllers.ts



/** Simulated delays before the "cloud" answers. */
const ADDON_DELAYS = { loadBalancerMs: 500, ingressMs: 500, pvcBindMs: 300 };
class ServiceController extends Controller {
    name = 'service-controller';
    nextIp = 100;
    keysFor(e) {
        if (e.gk === '/Service' && e.type !== 'DELETED')
            return [keyOf(e.object)];
        if (e.gk === '/Pod' && e.object.metadata.namespace) {
            return this.ctx.api.store.list('/Service', e.object.metadata.namespace).map(keyOf);
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list('/Service').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const svcType = api.registry.byKind('', 'Service');
        const epType = api.registry.byKind('', 'Endpoints');
        const { namespace, name } = splitKey(key);
        const svc = api.tryGet(svcType, namespace, name);
        if (!svc || svc.metadata.deletionTimestamp)
            return;
        const spec = (svc.spec ?? {});
        const ingress = (svc.status ?? {}).loadBalancer?.ingress;
        if (spec.type === 'LoadBalancer' && !ingress) {
            this.ctx.clock.after(ADDON_DELAYS.loadBalancerMs, () => {
                const current = api.tryGet(svcType, namespace, name);
                if (!current ||
                    current.metadata.uid !== svc.metadata.uid ||
                    current.status?.loadBalancer?.ingress)
                    return;
                api.writeStatus(svcType, current, {
                    loadBalancer: { ingress: [{ ip: `172.18.255.${this.nextIp++}`, ipMode: 'VIP' }] },
                });
                this.ctx.events.record(api.present(svcType, current), 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', 'service-controller');
            });
        }
        if (!spec.selector)
            return;
        const match = selectorFromSpec({ matchLabels: spec.selector });
        const pods = api.store
            .list('/Pod', namespace)
            .filter((p) => match(p.metadata.labels ?? {}) && podActive(p) && p.status?.podIP);
        const address = (p) => ({
            ip: String(p.status.podIP),
            nodeName: 'embedded-node',
            targetRef: { kind: 'Pod', name: p.metadata.name, namespace, uid: p.metadata.uid },
        });
        const ready = pods.filter(podReady).map(address);
        const notReady = pods.filter((p) => !podReady(p)).map(address);
        const ports = (spec.ports ?? []).map((p) => ({
            name: p.name,
            port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
            protocol: p.protocol ?? 'TCP',
        }));
        const subsets = ready.length || notReady.length
            ? [
                {
                    ...(ready.length ? { addresses: ready } : {}),
                    ...(notReady.length ? { notReadyAddresses: notReady } : {}),
                    ports,
                },
            ]
            : undefined;
        const existing = api.tryGet(epType, namespace, name);
        const body = {
            apiVersion: 'v1',
            kind: 'Endpoints',
            metadata: { name, namespace, labels: svc.metadata.labels },
            ...(subsets ? { subsets } : {}),
        };
        try {
            if (!existing)
                api.create(epType, namespace, body, { fieldManager: 'endpoint-controller' });
            else if (JSON.stringify(existing.subsets) !== JSON.stringify(subsets))
                api.writeObject(epType, { ...body, metadata: { ...existing.metadata } });
        }
        catch {
            /* raced with a delete */
        }
    }
}
class IngressController extends Controller {
    name = 'ingress-controller';
    keysFor(e) {
        return e.gk === 'networking.k8s.io/Ingress' && e.type !== 'DELETED' ? [keyOf(e.object)] : [];
    }
    initialKeys() {
        return this.ctx.api.store.list('networking.k8s.io/Ingress').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const type = api.registry.byKind('networking.k8s.io', 'Ingress');
        const { namespace, name } = splitKey(key);
        const ing = api.tryGet(type, namespace, name);
        if (!ing || ing.status?.loadBalancer?.ingress)
            return;
        this.ctx.clock.after(ADDON_DELAYS.ingressMs, () => {
            const current = api.tryGet(type, namespace, name);
            if (!current || current.metadata.uid !== ing.metadata.uid)
                return;
            api.writeStatus(type, current, { loadBalancer: { ingress: [{ ip: '172.18.0.2' }] } });
        });
    }
}
class PersistentVolumeClaimController extends Controller {
    name = 'persistentvolume-binder';
    keysFor(e) {
        return e.gk === '/PersistentVolumeClaim' && e.type !== 'DELETED' ? [keyOf(e.object)] : [];
    }
    initialKeys() {
        return this.ctx.api.store.list('/PersistentVolumeClaim').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const type = api.registry.byKind('', 'PersistentVolumeClaim');
        const { namespace, name } = splitKey(key);
        const pvc = api.tryGet(type, namespace, name);
        if (!pvc || pvc.metadata.deletionTimestamp || pvc.status?.phase === 'Bound')
            return;
        const spec = (pvc.spec ?? {});
        // A claim for a class named like "does-not-exist" stays Pending, as with a missing provisioner.
        if (String(spec.storageClassName ?? '').includes('does-not-exist')) {
            this.ctx.events.record(api.present(type, pvc), 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${String(spec.storageClassName)}" not found`, 'persistentvolume-controller');
            return;
        }
        this.ctx.clock.after(ADDON_DELAYS.pvcBindMs, () => {
            const current = api.tryGet(type, namespace, name);
            if (!current ||
                current.metadata.uid !== pvc.metadata.uid ||
                current.status?.phase === 'Bound')
                return;
            const volumeName = `pvc-${current.metadata.uid}`;
            const bound = api.writeObject(type, {
                ...structuredClone(current),
                spec: { ...structuredClone(current.spec), volumeName },
            });
            if (!bound)
                return;
            const requests = (current.spec.resources ?? {}).requests;
            api.writeStatus(type, bound, {
                phase: 'Bound',
                accessModes: current.spec.accessModes,
                capacity: { storage: requests?.storage ?? '1Gi' },
            });
        });
    }
}
class HorizontalPodAutoscalerController extends Controller {
    name = 'horizontal-pod-autoscaler';
    keysFor(e) {
        return e.gk === 'autoscaling/HorizontalPodAutoscaler' && e.type !== 'DELETED' ? [keyOf(e.object)] : [];
    }
    initialKeys() {
        return this.ctx.api.store.list('autoscaling/HorizontalPodAutoscaler').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const type = api.registry.byKind('autoscaling', 'HorizontalPodAutoscaler');
        const { namespace, name } = splitKey(key);
        const hpa = api.tryGet(type, namespace, name);
        if (!hpa)
            return;
        const spec = (hpa.spec ?? {});
        const target = (spec.scaleTargetRef ?? {});
        const targetObj = api.store
            .list(`${String(target.apiVersion ?? 'apps/v1').split('/')[0]}/${String(target.kind ?? 'Deployment')}`, namespace)
            .find((o) => o.metadata.name === target.name);
        const now = this.ctx.clock.timestamp();
        let conditions = (hpa.status?.conditions ?? []);
        if (!targetObj) {
            conditions = withCondition(conditions, {
                type: 'AbleToScale',
                status: 'False',
                reason: 'FailedGetScale',
                message: `the HPA controller was unable to get the target's current scale: ${String(target.kind).toLowerCase()}s.apps "${String(target.name)}" not found`,
            }, now);
            api.writeStatus(type, hpa, { currentReplicas: 0, desiredReplicas: 0, conditions });
            return;
        }
        const replicas = Number(targetObj.spec?.replicas ?? 1);
        const desired = Math.min(Math.max(replicas, Number(spec.minReplicas ?? 1)), Number(spec.maxReplicas ?? replicas));
        conditions = withCondition(conditions, {
            type: 'AbleToScale',
            status: 'True',
            reason: 'ReadyForNewScale',
            message: 'recommended size matches current size',
        }, now);
        conditions = withCondition(conditions, {
            type: 'ScalingActive',
            status: 'True',
            reason: 'ValidMetricFound',
            message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
        }, now);
        conditions = withCondition(conditions, {
            type: 'ScalingLimited',
            status: 'False',
            reason: 'DesiredWithinRange',
            message: 'the desired count is within the acceptable range',
        }, now);
        api.writeStatus(type, hpa, { currentReplicas: replicas, desiredReplicas: desired, conditions });
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/replicaset-controller.ts


class ReplicaSetController extends Controller {
    name = 'replicaset-controller';
    keysFor(e) {
        if (e.gk === 'apps/ReplicaSet')
            return e.type === 'DELETED' ? [] : [keyOf(e.object)];
        if (e.gk === '/Pod') {
            const owner = controllerOf(e.object, 'ReplicaSet');
            return owner ? [owner] : [];
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list('apps/ReplicaSet').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const rsType = api.registry.byKind('apps', 'ReplicaSet');
        const podType = api.registry.byKind('', 'Pod');
        const { namespace, name } = splitKey(key);
        const stored = api.tryGet(rsType, namespace, name);
        if (!stored || stored.metadata.deletionTimestamp)
            return;
        const rs = api.present(rsType, stored);
        const spec = (rs.spec ?? {});
        const desired = Number(spec.replicas ?? 1);
        const pods = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, rs) && podActive(p));
        if (pods.length < desired) {
            for (let i = pods.length; i < desired; i++)
                createPodFromTemplate(this.ctx, rs, 'apps/v1', 'ReplicaSet', { generateName: `${name}-` });
        }
        else if (pods.length > desired) {
            // Not-ready pods go first, then the newest, as the real controller ranks them.
            const victims = [...pods]
                .sort((a, b) => Number(podReady(a)) - Number(podReady(b)) ||
                Date.parse(b.metadata.creationTimestamp) - Date.parse(a.metadata.creationTimestamp))
                .slice(0, pods.length - desired);
            for (const p of victims) {
                try {
                    api.delete(podType, namespace, p.metadata.name, { propagationPolicy: 'Background' });
                    this.ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, 'replicaset-controller');
                }
                catch {
                    /* gone */
                }
            }
        }
        const current = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, rs) && podActive(p));
        const ready = current.filter(podReady).length;
        const status = {
            replicas: current.length,
            fullyLabeledReplicas: current.length,
            readyReplicas: ready || undefined,
            availableReplicas: ready || undefined,
            observedGeneration: rs.metadata.generation,
        };
        for (const k of Object.keys(status))
            if (status[k] === undefined)
                delete status[k];
        api.writeStatus(rsType, stored, status);
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/service-account-controller.ts

class ServiceAccountController extends Controller {
    name = 'serviceaccount-controller';
    keysFor(e) {
        if (e.gk === '/Namespace' && e.type !== 'DELETED' && !e.object.metadata.deletionTimestamp)
            return [e.object.metadata.name];
        if (e.gk === '/ServiceAccount' && e.type === 'DELETED' && e.object.metadata.name === 'default')
            return [e.object.metadata.namespace ?? ''];
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list('/Namespace').map((n) => n.metadata.name);
    }
    reconcile(namespace) {
        const api = this.ctx.api;
        const ns = api.store.get('/Namespace', undefined, namespace);
        if (!ns || ns.metadata.deletionTimestamp)
            return;
        const saType = api.registry.byKind('', 'ServiceAccount');
        if (api.tryGet(saType, namespace, 'default'))
            return;
        try {
            api.create(saType, namespace, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } }, { fieldManager: 'kube-controller-manager' });
        }
        catch {
            /* raced */
        }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/statefulset-controller.ts



const REVISION_LABEL = 'controller-revision-hash';
class StatefulSetController extends Controller {
    name = 'statefulset-controller';
    keysFor(e) {
        if (e.gk === 'apps/StatefulSet')
            return e.type === 'DELETED' ? [] : [keyOf(e.object)];
        if (e.gk === '/Pod') {
            const owner = controllerOf(e.object, 'StatefulSet');
            return owner ? [owner] : [];
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list('apps/StatefulSet').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const stsType = api.registry.byKind('apps', 'StatefulSet');
        const podType = api.registry.byKind('', 'Pod');
        const pvcType = api.registry.byKind('', 'PersistentVolumeClaim');
        const { namespace, name } = splitKey(key);
        const stored = api.tryGet(stsType, namespace, name);
        if (!stored || stored.metadata.deletionTimestamp)
            return;
        const sts = api.present(stsType, stored);
        const spec = (sts.spec ?? {});
        const replicas = Number(spec.replicas ?? 1);
        const updateRevision = `${name}-${templateHash(spec.template)}`;
        const ordered = spec.podManagementPolicy !== 'Parallel';
        const strategy = (spec.updateStrategy ?? {});
        const partition = Number((strategy.rollingUpdate ?? {}).partition ?? 0);
        const pods = () => api.store.list('/Pod', namespace).filter((p) => ownedBy(p, sts));
        const byOrdinal = new Map();
        for (const p of pods())
            byOrdinal.set(Number(p.metadata.name.slice(name.length + 1)), p);
        let acted = false;
        for (let i = 0; i < replicas && !acted; i++) {
            const pod = byOrdinal.get(i);
            if (pod) {
                if (ordered && (!podReady(pod) || !podActive(pod)))
                    break;
                continue;
            }
            const volumes = [];
            for (const tpl of (spec.volumeClaimTemplates ?? [])) {
                const tname = String((tpl.metadata ?? {}).name);
                const claim = `${tname}-${name}-${i}`;
                if (!api.tryGet(pvcType, namespace, claim)) {
                    try {
                        api.create(pvcType, namespace, {
                            apiVersion: 'v1',
                            kind: 'PersistentVolumeClaim',
                            metadata: { name: claim, namespace, labels: spec.selector?.matchLabels },
                            spec: tpl.spec,
                        }, { fieldManager: 'kube-controller-manager' });
                    }
                    catch {
                        /* exists */
                    }
                }
                volumes.push({ name: tname, persistentVolumeClaim: { claimName: claim } });
            }
            const templateSpec = (spec.template?.spec ?? {});
            createPodFromTemplate(this.ctx, sts, 'apps/v1', 'StatefulSet', {
                name: `${name}-${i}`,
                hostname: `${name}-${i}`,
                labels: {
                    [REVISION_LABEL]: updateRevision,
                    'statefulset.kubernetes.io/pod-name': `${name}-${i}`,
                    'apps.kubernetes.io/pod-index': String(i),
                },
                specPatch: volumes.length
                    ? { volumes: [...(templateSpec.volumes ?? []), ...volumes], subdomain: spec.serviceName }
                    : { subdomain: spec.serviceName },
            });
            acted = ordered;
        }
        // Scale down, highest ordinal first.
        const extra = [...byOrdinal.entries()].filter(([i]) => i >= replicas).sort(([a], [b]) => b - a);
        for (const [, p] of ordered ? extra.slice(0, 1) : extra) {
            if (p.metadata.deletionTimestamp)
                continue;
            try {
                api.delete(podType, namespace, p.metadata.name, { propagationPolicy: 'Background' });
            }
            catch {
                /* gone */
            }
        }
        // Rolling update: when everything is Ready, replace the highest outdated ordinal at or above the partition.
        if (strategy.type !== 'OnDelete') {
            const current = pods();
            const allReady = current.length === replicas && current.every((p) => podReady(p) && podActive(p));
            if (allReady) {
                const outdated = current
                    .map((p) => ({ p, i: Number(p.metadata.name.slice(name.length + 1)) }))
                    .filter(({ p, i }) => i >= partition && p.metadata.labels?.[REVISION_LABEL] !== updateRevision)
                    .sort((a, b) => b.i - a.i)[0];
                if (outdated)
                    api.delete(podType, namespace, outdated.p.metadata.name, { propagationPolicy: 'Background' });
            }
        }
        const now = pods().filter(podActive);
        const updated = now.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision).length;
        const previous = (sts.status ?? {});
        const currentRevision = updated === replicas && now.length === replicas
            ? updateRevision
            : String(previous.currentRevision ?? updateRevision);
        const ready = now.filter(podReady).length;
        const status = {
            observedGeneration: sts.metadata.generation,
            replicas: now.length,
            readyReplicas: ready || undefined,
            currentReplicas: now.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length || undefined,
            updatedReplicas: updated || undefined,
            availableReplicas: ready,
            currentRevision,
            updateRevision,
            collisionCount: 0,
        };
        for (const k of Object.keys(status))
            if (status[k] === undefined)
                delete status[k];
        api.writeStatus(stsType, stored, status);
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/faults.ts
const KINDS = ['429', '500', '503', 'reset'];
class Faults {
    random;
    settings = { latencyMs: 0, errorRate: 0, watchCutMs: 0 };
    /** How many of each were injected: tests assert that faults happened. */
    injected = { none: 0, '429': 0, '500': 0, '503': 0, reset: 0 };
    constructor(random) {
        this.random = random;
    }
    set(settings) {
        this.settings = { ...this.settings, ...settings };
    }
    roll() {
        if (this.settings.errorRate <= 0 || this.random.next() >= this.settings.errorRate)
            return 'none';
        const fault = KINDS[Math.floor(this.random.next() * KINDS.length)];
        this.injected[fault]++;
        return fault;
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/kubelet/container-logs.ts
/** Container logs as the kubelet keeps them: per container, the current run and the previous one. */

const MAX_LINES = 10_000;
class ContainerLogs {
    pods = new Map();
    key(namespace, pod) {
        return `${namespace}/${pod}`;
    }
    register(namespace, pod, init, main) {
        const containers = new Map();
        for (const name of [...init, ...main])
            containers.set(name, {
                current: [],
                running: false,
                waitingReason: 'ContainerCreating',
                listeners: new Set(),
            });
        this.pods.set(this.key(namespace, pod), { containers, order: [...init, ...main], main });
    }
    forget(namespace, pod) {
        const record = this.pods.get(this.key(namespace, pod));
        if (!record)
            return;
        for (const c of record.containers.values())
            for (const l of c.listeners)
                l.onEnd();
        this.pods.delete(this.key(namespace, pod));
    }
    container(namespace, pod, name) {
        return this.pods.get(this.key(namespace, pod))?.containers.get(name);
    }
    /** A new run of a container starts with an empty log. */
    start(namespace, pod, name) {
        const c = this.container(namespace, pod, name);
        if (!c)
            return;
        c.current = [];
        c.running = true;
        c.waitingReason = undefined;
    }
    /** The container died and will restart: its log is `--previous` from now on (it stays current until the restart). */
    keepAsPrevious(namespace, pod, name) {
        const c = this.container(namespace, pod, name);
        if (c)
            c.previous = c.current;
    }
    waiting(namespace, pod, name, reason) {
        const c = this.container(namespace, pod, name);
        if (c && !c.running)
            c.waitingReason = reason;
    }
    append(namespace, pod, name, text) {
        const c = this.container(namespace, pod, name);
        if (!c)
            return undefined;
        const line = { time: new Date().toISOString(), text };
        c.current.push(line);
        if (c.current.length > MAX_LINES)
            c.current.splice(0, c.current.length - MAX_LINES);
        for (const l of c.listeners)
            l.onLine(line);
        return line;
    }
    stop(namespace, pod, name) {
        const c = this.container(namespace, pod, name);
        if (!c)
            return;
        c.running = false;
        for (const l of [...c.listeners])
            l.onEnd();
        c.listeners.clear();
    }
    tail(namespace, pod, name, lines) {
        return (this.container(namespace, pod, name)?.current ?? []).slice(-lines).map((l) => l.text);
    }
    read(namespace, pod, container, previous) {
        const record = this.pods.get(this.key(namespace, pod));
        if (!record)
            throw notFound('pods', '', pod);
        let name = container;
        if (!name) {
            if (record.main.length !== 1) {
                throw badRequest(`a container name must be specified for pod ${pod}, choose one of: [${record.main.join(' ')}]`);
            }
            name = record.main[0];
        }
        const c = record.containers.get(name);
        if (!c)
            throw badRequest(`container ${name} is not valid for pod ${pod}`);
        if (previous) {
            if (!c.previous)
                throw badRequest(`previous terminated container "${name}" in pod "${pod}" not found`);
            return { lines: c.previous, running: false, container: name };
        }
        if (!c.running && c.current.length === 0 && c.waitingReason) {
            throw new ApiError(400, 'BadRequest', `container "${name}" in pod "${pod}" is waiting to start: ${c.waitingReason}`);
        }
        return { lines: c.current, running: c.running, container: name };
    }
    follow(namespace, pod, container, onLine, onEnd) {
        const c = this.container(namespace, pod, container);
        if (!c || !c.running) {
            onEnd();
            return () => { };
        }
        const listener = { onLine, onEnd };
        c.listeners.add(listener);
        return () => c.listeners.delete(listener);
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/object-store.ts
function object_store_keyOf(namespace, name) {
    return `${namespace ?? ''}/${name}`;
}
class ObjectStore {
    logCapacity;
    rv;
    objects = new Map();
    log = [];
    listeners = new Set();
    /** Events emitted while listeners run wait here, so every listener sees every event in rv order. */
    pending = [];
    dispatching = false;
    constructor(
    /** How many past events a watch can resume from; older ones answer 410 Gone. */
    logCapacity = 20_000, initialRv = 1000) {
        this.logCapacity = logCapacity;
        this.rv = initialRv;
    }
    get resourceVersion() {
        return this.rv;
    }
    /** The oldest resourceVersion a watch may start after without 410. */
    get oldestResumableRv() {
        return this.log.length > 0 ? this.log[0].rv - 1 : this.rv;
    }
    nextRv() {
        return ++this.rv;
    }
    get(gk, namespace, name) {
        return this.objects.get(gk)?.get(object_store_keyOf(namespace, name));
    }
    list(gk, namespace) {
        const bucket = this.objects.get(gk);
        if (!bucket)
            return [];
        const out = [];
        for (const obj of bucket.values()) {
            if (namespace === undefined || obj.metadata.namespace === namespace)
                out.push(obj);
        }
        return out;
    }
    kinds() {
        return [...this.objects.keys()];
    }
    count() {
        let n = 0;
        for (const bucket of this.objects.values())
            n += bucket.size;
        return n;
    }
    /** Stores `obj` (its resourceVersion already set by the caller from nextRv()) and emits the event. */
    put(gk, obj) {
        let bucket = this.objects.get(gk);
        if (!bucket) {
            bucket = new Map();
            this.objects.set(gk, bucket);
        }
        const key = object_store_keyOf(obj.metadata.namespace, obj.metadata.name);
        const previous = bucket.get(key);
        bucket.set(key, obj);
        return this.emit({
            rv: Number(obj.metadata.resourceVersion),
            type: previous ? 'MODIFIED' : 'ADDED',
            gk,
            object: obj,
            previous,
        });
    }
    /** Removes the object; the DELETED event carries it with a fresh resourceVersion, as a real server does. */
    remove(gk, namespace, name) {
        const bucket = this.objects.get(gk);
        const key = object_store_keyOf(namespace, name);
        const existing = bucket?.get(key);
        if (!bucket || !existing)
            return undefined;
        bucket.delete(key);
        const rv = this.nextRv();
        const object = { ...existing, metadata: { ...existing.metadata, resourceVersion: String(rv) } };
        return this.emit({ rv, type: 'DELETED', gk, object, previous: existing });
    }
    /** Events after `rv` for a kind (optionally a namespace); undefined when they are no longer kept. */
    eventsSince(rv, gk, namespace) {
        if (rv < this.oldestResumableRv)
            return undefined;
        const out = [];
        // The log is ordered by rv: binary search for the first event after rv.
        let lo = 0;
        let hi = this.log.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.log[mid].rv <= rv)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (let i = lo; i < this.log.length; i++) {
            const e = this.log[i];
            if (e.gk === gk && (namespace === undefined || e.object.metadata.namespace === namespace))
                out.push(e);
        }
        return out;
    }
    subscribe(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    emit(event) {
        this.log.push(event);
        if (this.log.length > this.logCapacity)
            this.log.splice(0, this.log.length - this.logCapacity);
        this.pending.push(event);
        if (this.dispatching)
            return event;
        this.dispatching = true;
        try {
            for (let next = this.pending.shift(); next; next = this.pending.shift()) {
                for (const listener of [...this.listeners])
                    listener(next);
            }
        }
        finally {
            this.dispatching = false;
        }
        return event;
    }
    /** Everything, for `--state FILE`. */
    snapshot() {
        const objects = [];
        for (const [gk, bucket] of this.objects)
            for (const object of bucket.values())
                objects.push({ gk, object });
        return { resourceVersion: this.rv, objects };
    }
    /** Loads a snapshot into an empty store without emitting events (nothing is watching yet). */
    restore(snapshot) {
        this.rv = Math.max(this.rv, snapshot.resourceVersion);
        for (const { gk, object } of snapshot.objects) {
            let bucket = this.objects.get(gk);
            if (!bucket)
                this.objects.set(gk, (bucket = new Map()));
            bucket.set(object_store_keyOf(object.metadata.namespace, object.metadata.name), object);
        }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/embedded-cluster.ts
/**
 * The embedded cluster: an in-process Kubernetes API server with simulated controllers and a kubelet,
 * listening on 127.0.0.1. Start it from tests with `EmbeddedCluster.start()`, or from a shell with
 * `hook-sync cluster`; point kubectl or any client at the kubeconfig it writes.
 */






















const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
const KUBECONFIG_CONTEXT = 'embedded';
class EmbeddedCluster {
    url;
    api;
    store;
    clock;
    faults;
    logs;
    server;
    controllers;
    kubelet;
    stateFile;
    saveTimer;
    unsubscribeSave;
    stopped = false;
    constructor(url, api, store, clock, faults, logs, server, controllers, kubelet, stateFile) {
        this.url = url;
        this.api = api;
        this.store = store;
        this.clock = clock;
        this.faults = faults;
        this.logs = logs;
        this.server = server;
        this.controllers = controllers;
        this.kubelet = kubelet;
        this.stateFile = stateFile;
    }
    static async start(options = {}) {
        const random = new SeededRandom(options.seed ?? 0x5eed);
        const registry = new ResourceRegistry();
        const store = new ObjectStore(options.watchCacheSize ?? 20_000);
        const clock = new SimClock(options.timeScale ?? 1);
        if (options.stateFile && (0,external_node_fs_namespaceObject.existsSync)(options.stateFile)) {
            store.restore(JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(options.stateFile, 'utf8')));
        }
        const api = new ClusterApi(registry, store, clock, random);
        const nsType = registry.byKind('', 'Namespace');
        for (const ns of SYSTEM_NAMESPACES) {
            if (!api.tryGet(nsType, undefined, ns))
                api.create(nsType, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, { fieldManager: 'kube-apiserver' });
        }
        const faults = new Faults(new SeededRandom((options.seed ?? 0x5eed) ^ 0xfa017));
        faults.set(options.faults ?? {});
        const logs = new ContainerLogs();
        const events = new EventRecorder(api);
        const kubelet = new Kubelet(api, events, logs, clock);
        const controllers = new ControllerManager({ api, events, clock, random });
        controllers.add((ctx) => new CrdController(ctx));
        controllers.add((ctx) => new GarbageCollector(ctx));
        controllers.add((ctx) => new NamespaceController(ctx));
        controllers.add((ctx) => new ServiceAccountController(ctx));
        controllers.add((ctx) => new JobController(ctx));
        controllers.add((ctx) => new DeploymentController(ctx));
        controllers.add((ctx) => new ReplicaSetController(ctx));
        controllers.add((ctx) => new StatefulSetController(ctx));
        controllers.add((ctx) => new DaemonSetController(ctx));
        controllers.add((ctx) => new ServiceController(ctx));
        controllers.add((ctx) => new IngressController(ctx));
        controllers.add((ctx) => new PersistentVolumeClaimController(ctx));
        controllers.add((ctx) => new HorizontalPodAutoscalerController(ctx));
        const server = new ClusterHttpServer({
            api,
            faults,
            logs,
            bookmarkIntervalMs: options.bookmarkIntervalMs,
        });
        const url = await server.listen(options.port ?? 0);
        const cluster = new EmbeddedCluster(url, api, store, clock, faults, logs, server, controllers, kubelet, options.stateFile);
        controllers.start();
        kubelet.start();
        if (options.stateFile)
            cluster.persistOnChange();
        return cluster;
    }
    /** Requests the server answered, for tests that assert what a client did (or did not) send. */
    get requests() {
        return this.server.requests;
    }
    /** A kubeconfig for this cluster. kubectl and @kubernetes/client-node both accept it. */
    kubeconfig() {
        return [
            'apiVersion: v1',
            'kind: Config',
            'clusters:',
            `- name: ${KUBECONFIG_CONTEXT}`,
            '  cluster:',
            `    server: ${this.url}`,
            '    insecure-skip-tls-verify: true',
            'users:',
            `- name: ${KUBECONFIG_CONTEXT}`,
            '  user:',
            '    token: embedded-cluster-token',
            'contexts:',
            `- name: ${KUBECONFIG_CONTEXT}`,
            '  context:',
            `    cluster: ${KUBECONFIG_CONTEXT}`,
            `    user: ${KUBECONFIG_CONTEXT}`,
            '    namespace: default',
            `current-context: ${KUBECONFIG_CONTEXT}`,
            '',
        ].join('\n');
    }
    writeKubeconfig(file) {
        (0,external_node_fs_namespaceObject.writeFileSync)(file, this.kubeconfig(), { mode: 0o600 });
    }
    /** Resolves when `predicate` holds for the cluster's objects; re-checked on every change. */
    waitFor(predicate, description = 'condition') {
        return new Promise((resolve, reject) => {
            const check = () => {
                const value = predicate();
                if (value) {
                    unsubscribe();
                    resolve(value);
                    return true;
                }
                return false;
            };
            const unsubscribe = this.store.subscribe(() => {
                try {
                    check();
                }
                catch (err) {
                    unsubscribe();
                    reject(err);
                }
            });
            if (this.stopped) {
                unsubscribe();
                reject(new Error(`cluster stopped while waiting for ${description}`));
                return;
            }
            check();
        });
    }
    /** An object as stored (group "" for the core group), or undefined. */
    object(group, kind, namespace, name) {
        return this.store.get(`${group}/${kind}`, namespace, name);
    }
    subscribe(listener) {
        return this.store.subscribe(listener);
    }
    persistOnChange() {
        this.unsubscribeSave = this.store.subscribe(() => {
            if (this.saveTimer)
                return;
            this.saveTimer = setTimeout(() => {
                this.saveTimer = undefined;
                this.saveState();
            }, 200);
        });
    }
    saveState() {
        if (!this.stateFile)
            return;
        const tmp = `${this.stateFile}.tmp`;
        (0,external_node_fs_namespaceObject.writeFileSync)(tmp, JSON.stringify(this.store.snapshot()));
        (0,external_node_fs_namespaceObject.renameSync)(tmp, this.stateFile);
    }
    async stop() {
        if (this.stopped)
            return;
        this.stopped = true;
        if (this.saveTimer)
            clearTimeout(this.saveTimer);
        this.unsubscribeSave?.();
        this.controllers.stop();
        this.kubelet.stop();
        this.clock.stop();
        await this.server.close();
        this.saveState();
    }
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __nccwpck_require__(604);
;// CONCATENATED MODULE: ./src/cli/commands/cluster.ts
/** `hook-sync cluster`: the embedded cluster as a server, for the demo, for kubectl, for local runs. */



const CLUSTER_USAGE = `Usage: hook-sync cluster [options]

Runs the embedded Kubernetes cluster (an API server with simulated controllers and a kubelet) on
127.0.0.1 until interrupted (SIGINT or SIGTERM).

Options:
  --port N            port to listen on (default 0: any free port)
  --kubeconfig FILE   write a kubeconfig for the cluster to FILE once it is ready
  --state FILE        load objects from FILE at start and keep saving them there
  --time-scale F      multiply every simulated duration by F (0.1: ten times faster; default 1)
  --latency-ms N      add N ms to every request
  --error-rate R      answer a fraction R (0–1) of requests with 429, 500, 503 or a connection reset
  --watch-cut-ms N    close every watch stream after N ms
  --seed N            seed for generated names and injected faults
`;
function number(value, flag, min, max = Number.POSITIVE_INFINITY) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
        throw new cli_io/* UsageError */.eb(`${flag} must be a number from ${min}${Number.isFinite(max) ? ` to ${max}` : ''}, not "${value}"`);
    return n;
}
async function clusterCommand(argv, io, signals = process) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: argv,
        allowPositionals: false,
        strict: true,
        options: {
            port: { type: 'string' },
            kubeconfig: { type: 'string' },
            state: { type: 'string' },
            'time-scale': { type: 'string' },
            'latency-ms': { type: 'string' },
            'error-rate': { type: 'string' },
            'watch-cut-ms': { type: 'string' },
            seed: { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        io.stdout(CLUSTER_USAGE);
        return cli_io/* EXIT */.dc.ok;
    }
    void positionals;
    const cluster = await EmbeddedCluster.start({
        port: number(values.port, '--port', 0, 65535),
        stateFile: values.state,
        timeScale: number(values['time-scale'], '--time-scale', 0),
        seed: number(values.seed, '--seed', 0),
        faults: {
            latencyMs: number(values['latency-ms'], '--latency-ms', 0) ?? 0,
            errorRate: number(values['error-rate'], '--error-rate', 0, 1) ?? 0,
            watchCutMs: number(values['watch-cut-ms'], '--watch-cut-ms', 0) ?? 0,
        },
    });
    if (values.kubeconfig)
        cluster.writeKubeconfig(values.kubeconfig);
    io.stdout(`embedded cluster listening on ${cluster.url}${values.kubeconfig ? `; kubeconfig written to ${values.kubeconfig}` : ''}\n`);
    await new Promise((resolve) => {
        const done = () => resolve();
        signals.once('SIGINT', done);
        signals.once('SIGTERM', done);
    });
    await cluster.stop();
    io.stdout('embedded cluster stopped\n');
    return cli_io/* EXIT */.dc.ok;
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/duration.ts
/** Durations as users write them in inputs and annotations: `90s`, `10m`, `1h30m`, `500ms`, or seconds. */
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Milliseconds, or undefined when the text is not a duration. */
function parseDuration(text) {
    const trimmed = text.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed)
        return undefined;
    return Math.round(parts.reduce((total, p) => total + Number(p[1]) * UNITS[p[2]], 0));
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
    const h = Math.floor(m / 60);
    return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
}

;// CONCATENATED MODULE: ./src/health/object-fields.ts
function field(obj, path) {
    let cur = obj;
    for (const part of path.split('.')) {
        if (typeof cur !== 'object' || cur === null || Array.isArray(cur))
            return undefined;
        cur = cur[part];
    }
    return cur;
}
function object_fields_num(obj, path, fallback = 0) {
    const v = field(obj, path);
    return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : fallback;
}
function object_fields_str(obj, path) {
    const v = field(obj, path);
    return typeof v === 'string' ? v : '';
}
function list(obj, path) {
    const v = field(obj, path);
    return Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : [];
}
function conditions(obj) {
    return list(obj, 'status.conditions').map((c) => ({
        type: String(c.type ?? ''),
        status: String(c.status ?? ''),
        reason: String(c.reason ?? ''),
        message: String(c.message ?? ''),
        lastTransitionTime: String(c.lastTransitionTime ?? ''),
    }));
}
function object_fields_condition(obj, type) {
    return conditions(obj).find((c) => c.type === type);
}
function nameOf(obj) {
    return object_fields_str(obj, 'metadata.name');
}
function groupOfObject(obj) {
    const apiVersion = object_fields_str(obj, 'apiVersion');
    const slash = apiVersion.indexOf('/');
    return slash < 0 ? '' : apiVersion.slice(0, slash);
}

;// CONCATENATED MODULE: ./src/health/fail-fast.ts
/**
 * Fail-fast diagnosis: hooks and workloads that can never finish without someone changing something
 * (an image that cannot be pulled, a ConfigMap that does not exist, a pod no node can take, pods a Job's
 * controller is not allowed to create, a container that keeps crashing) are failed after a grace period,
 * with the reason in the message, instead of hanging until a timeout. Argo CD waits forever here.
 *
 * Pure: the caller passes the pods, the events and the current time; "since when" comes from event and
 * condition timestamps, or from the caller's own first sighting when those are missing.
 */


const DEFAULT_GRACE = {
    imagePull: 60_000,
    invalidImage: 0,
    containerConfig: 30_000,
    mount: 60_000,
    unschedulable: 60_000,
    failedCreate: 30_000,
    crashLoop: 60_000,
};
/** `hook-sync.io/fail-fast-after: 30s` (every grace period) or `off`, on a hook or a workload. */
const FAIL_FAST_ANNOTATION = 'hook-sync.io/fail-fast-after';
/** Grace periods for an object: defaults, overridden by options, overridden by its annotation. */
function gracePeriodsFor(obj, overrides = {}) {
    const annotation = field(obj, `metadata.annotations`);
    const raw = annotation?.[FAIL_FAST_ANNOTATION];
    const merged = { ...DEFAULT_GRACE, ...overrides };
    if (typeof raw !== 'string')
        return merged;
    if (raw.trim() === 'off')
        return 'off';
    const ms = parseDuration(raw);
    if (ms === undefined)
        return merged;
    return Object.fromEntries(Object.keys(merged).map((k) => [k, k === 'invalidImage' ? 0 : ms]));
}
function time(value) {
    if (typeof value !== 'string' || !value)
        return undefined;
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
}
function eventsAbout(events, uid, match) {
    return events.filter((e) => typeof e === 'object' && e !== null && field(e, 'involvedObject.uid') === uid && match(e));
}
function earliest(...times) {
    const known = times.filter((t) => t !== undefined);
    return known.length ? Math.min(...known) : undefined;
}
function firstEventTime(events) {
    return earliest(...events.map((e) => time(e.firstTimestamp) ??
        time(e.eventTime) ??
        time(e.lastTimestamp) ??
        time(field(e, 'metadata.creationTimestamp'))));
}
function podProblems(pod, input, grace, workload) {
    const problems = [];
    const uid = object_fields_str(pod, 'metadata.uid');
    const podName = object_fields_str(pod, 'metadata.name');
    const podCreated = time(field(pod, 'metadata.creationTimestamp')) ?? input.now;
    const seen = (key) => input.firstSeen?.(`${uid}/${key}`);
    const scheduled = list(pod, 'status.conditions').find((c) => c.type === 'PodScheduled');
    if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
        const events = eventsAbout(input.events, uid, (e) => e.reason === 'FailedScheduling');
        problems.push({
            reason: 'Unschedulable',
            message: `pod ${podName} cannot be scheduled: ${String(scheduled.message ?? 'no node fits it')}`,
            since: earliest(time(scheduled.lastTransitionTime), firstEventTime(events), seen('Unschedulable')) ??
                podCreated,
            grace: grace.unschedulable,
        });
    }
    for (const c of [...list(pod, 'status.initContainerStatuses'), ...list(pod, 'status.containerStatuses')]) {
        const name = String(c.name);
        const waiting = c.state?.waiting;
        const reason = String(waiting?.reason ?? '');
        const detail = String(waiting?.message ?? '');
        if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff') {
            const events = eventsAbout(input.events, uid, (e) => (e.reason === 'Failed' || e.reason === 'BackOff') && /pull/i.test(String(e.message)));
            const pullError = events.find((e) => String(e.message).startsWith('Failed to pull image'));
            problems.push({
                reason,
                message: `container "${name}" cannot pull image "${String(c.image)}": ${pullError ? String(pullError.message).replace(/^Failed to pull image "[^"]*": /, '') : detail || reason}`,
                since: earliest(firstEventTime(events), seen(`${name}/ImagePull`)) ?? input.now,
                grace: grace.imagePull,
            });
        }
        else if (reason === 'InvalidImageName') {
            problems.push({
                reason,
                message: `container "${name}" has an invalid image name "${String(c.image)}": ${detail}`,
                since: seen(`${name}/${reason}`) ?? input.now,
                grace: grace.invalidImage,
            });
        }
        else if (reason === 'CreateContainerConfigError') {
            const events = eventsAbout(input.events, uid, (e) => e.reason === 'Failed' && String(e.message).startsWith('Error:'));
            problems.push({
                reason,
                message: `container "${name}" cannot start: ${detail || 'its configuration references something missing'}`,
                since: earliest(firstEventTime(events), seen(`${name}/${reason}`)) ?? input.now,
                grace: grace.containerConfig,
            });
        }
        else if (workload && reason === 'CrashLoopBackOff') {
            const events = eventsAbout(input.events, uid, (e) => e.reason === 'BackOff' && String(e.message).startsWith('Back-off restarting'));
            const last = c.lastState?.terminated;
            const why = last
                ? last.message
                    ? String(last.message)
                    : last.reason === 'OOMKilled'
                        ? 'OOMKilled'
                        : `exit code ${String(last.exitCode)}`
                : 'it keeps exiting';
            problems.push({
                reason,
                message: `container "${name}" of pod ${podName} is crash-looping (${String(c.restartCount ?? 0)} restarts, last: ${why})`,
                since: earliest(firstEventTime(events), seen(`${name}/${reason}`), time(last?.finishedAt)) ?? input.now,
                grace: grace.crashLoop,
            });
        }
    }
    const mounts = eventsAbout(input.events, uid, (e) => e.reason === 'FailedMount');
    const started = [...list(pod, 'status.containerStatuses')].some((c) => c.state?.running || c.state?.terminated);
    if (mounts.length && !started) {
        const last = mounts[mounts.length - 1];
        problems.push({
            reason: 'FailedMount',
            message: `pod ${podName}: ${String(last.message)}`,
            since: firstEventTime(mounts) ?? input.now,
            grace: grace.mount,
        });
    }
    return problems;
}
function ownerProblems(obj, input, grace) {
    const uid = object_fields_str(obj, 'metadata.uid');
    const refused = eventsAbout(input.events, uid, (e) => e.reason === 'FailedCreate');
    if (!refused.length)
        return [];
    const last = refused[refused.length - 1];
    return [
        {
            reason: 'FailedCreate',
            message: `${object_fields_str(obj, 'kind')} ${object_fields_str(obj, 'metadata.name')} cannot create pods: ${String(last.message)}`,
            since: firstEventTime(refused) ?? input.now,
            grace: grace.failedCreate,
        },
    ];
}
function fail_fast_diagnose(input) {
    const grace = gracePeriodsFor(input.object, input.grace);
    if (grace === 'off')
        return { pending: [] };
    const kind = object_fields_str(input.object, 'kind');
    const workload = kind !== 'Job' && kind !== 'Pod' && kind !== 'Workflow';
    const problems = [
        ...ownerProblems(input.object, input, grace),
        ...input.pods
            .filter((p) => !field(p, 'metadata.deletionTimestamp'))
            .flatMap((p) => podProblems(p, input, grace, workload)),
    ];
    const pending = [];
    let failed;
    for (const p of problems.sort((a, b) => a.since + a.grace - (b.since + b.grace))) {
        const failsAt = p.since + p.grace;
        const d = { reason: p.reason, message: p.message, since: p.since };
        if (input.now >= failsAt)
            failed ??= {
                ...d,
                message: `${p.message} (for ${formatDuration(input.now - p.since)}; hook-sync fails this after ${formatDuration(p.grace)})`,
            };
        else
            pending.push({ ...d, failsAt });
    }
    return failed ? { failed, pending } : { pending };
}

;// CONCATENATED MODULE: ./src/health/health.ts
/** Worst first, as Argo CD aggregates application health. */
const SEVERITY = (/* unused pure expression or super */ null && ([
    'Healthy',
    'Suspended',
    'Progressing',
    'Missing',
    'Degraded',
    'Unknown',
]));
function isWorse(a, b) {
    return SEVERITY.indexOf(a) > SEVERITY.indexOf(b);
}
function healthy(message = '') {
    return { status: 'Healthy', message };
}
function progressing(message, reason) {
    return { status: 'Progressing', message, ...(reason ? { reason } : {}) };
}
function degraded(message, reason) {
    return { status: 'Degraded', message, ...(reason ? { reason } : {}) };
}
function suspended(message, reason) {
    return { status: 'Suspended', message, ...(reason ? { reason } : {}) };
}
function unknown(message) {
    return { status: 'Unknown', message };
}

;// CONCATENATED MODULE: ./src/health/checks/api-extensions.ts
/** Health of the kinds that extend the API: CustomResourceDefinitions and APIServices. */


function customResourceDefinitionHealth(obj) {
    if (field(obj, 'metadata.deletionTimestamp'))
        return progressing('CRD is terminating');
    if (conditions(obj).length === 0)
        return progressing('Status conditions not found');
    const names = object_fields_condition(obj, 'NamesAccepted');
    if (names?.status === 'False')
        return degraded(names.message || 'CRD names were not accepted', names.reason || 'NamesNotAccepted');
    const nonStructural = object_fields_condition(obj, 'NonStructuralSchema');
    if (nonStructural?.status === 'True')
        return degraded(nonStructural.message || 'the CRD schema is not structural', 'NonStructuralSchema');
    const established = object_fields_condition(obj, 'Established');
    if (established?.status === 'True')
        return healthy('CRD is established');
    if (established?.reason === 'Installing')
        return progressing('CRD is being installed');
    return degraded(established?.message || 'CRD is not established', established?.reason || 'NotEstablished');
}
function apiServiceHealth(obj) {
    const available = object_fields_condition(obj, 'Available');
    if (!available)
        return progressing('Waiting to be processed');
    if (available.status === 'True')
        return healthy(available.message);
    return progressing(`${available.reason ? `${available.reason}: ` : ''}${available.message || 'not available yet'}`);
}

;// CONCATENATED MODULE: ./src/health/checks/argo-workflow.ts
/** Argo Workflows: `status.phase` says it all. */


function workflowHealth(obj) {
    const phase = object_fields_str(obj, 'status.phase');
    const message = object_fields_str(obj, 'status.message');
    switch (phase) {
        case '':
        case 'Pending':
        case 'Running':
            return progressing(message || `workflow ${phase ? phase.toLowerCase() : 'not started'}`);
        case 'Succeeded':
            return healthy(message || 'workflow succeeded');
        case 'Failed':
        case 'Error':
            return degraded(message || `workflow ${phase.toLowerCase()}`, phase);
        default:
            return unknown(message || `unknown workflow phase "${phase}"`);
    }
}

;// CONCATENATED MODULE: ./src/health/checks/autoscaling.ts
/** HorizontalPodAutoscaler health: degraded when it cannot read its target's scale or its metrics. */


const DEGRADED = {
    AbleToScale: ['FailedGetScale', 'FailedUpdateScale'],
    ScalingActive: [
        'FailedGetResourceMetric',
        'FailedGetContainerResourceMetric',
        'FailedGetObjectMetric',
        'FailedGetPodsMetric',
        'FailedGetExternalMetric',
        'FailedComputeMetricsReplicas',
        'InvalidSelector',
    ],
};
function horizontalPodAutoscalerHealth(obj) {
    const conds = conditions(obj);
    const bad = conds.find((c) => DEGRADED[c.type]?.includes(c.reason));
    if (bad)
        return degraded(bad.message || bad.reason, bad.reason);
    const ok = conds.find((c) => (c.type === 'AbleToScale' || c.type === 'ScalingLimited') && c.status === 'True');
    if (ok)
        return healthy(ok.message);
    return progressing('Waiting to Autoscale');
}

;// CONCATENATED MODULE: ./src/health/checks/daemonset.ts
/** DaemonSet health: generation observed, every scheduled pod updated and available. */


function daemonSetHealth(obj) {
    const name = nameOf(obj);
    if (object_fields_num(obj, 'metadata.generation', 0) > object_fields_num(obj, 'status.observedGeneration', 0)) {
        return progressing('Waiting for rollout to finish: observed daemon set generation less than desired generation');
    }
    if (object_fields_str(obj, 'spec.updateStrategy.type') === 'OnDelete')
        return healthy(`daemon set "${name}" uses OnDelete updates`);
    const desired = object_fields_num(obj, 'status.desiredNumberScheduled');
    const updated = object_fields_num(obj, 'status.updatedNumberScheduled');
    const available = object_fields_num(obj, 'status.numberAvailable');
    if (updated < desired)
        return progressing(`Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`);
    if (available < desired)
        return progressing(`Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`);
    return healthy(`daemon set "${name}" successfully rolled out`);
}

;// CONCATENATED MODULE: ./src/health/checks/deployment.ts
/** Deployment health, as `kubectl rollout status` and Argo CD judge it. */


function deploymentHealth(obj) {
    const name = nameOf(obj);
    if (field(obj, 'spec.paused') === true)
        return suspended(`Deployment "${name}" is paused`, 'DeploymentPaused');
    const generation = object_fields_num(obj, 'metadata.generation', 0);
    const observed = object_fields_num(obj, 'status.observedGeneration', 0);
    if (generation > observed) {
        return progressing(`Waiting for rollout to finish: observed deployment generation ${observed} is less than desired generation ${generation}`);
    }
    const progressingCond = object_fields_condition(obj, 'Progressing');
    if (progressingCond?.reason === 'ProgressDeadlineExceeded') {
        return degraded(`Deployment "${name}" exceeded its progress deadline`, 'ProgressDeadlineExceeded');
    }
    const desired = object_fields_num(obj, 'spec.replicas', 1);
    const updated = object_fields_num(obj, 'status.updatedReplicas');
    const replicas = object_fields_num(obj, 'status.replicas');
    const available = object_fields_num(obj, 'status.availableReplicas');
    if (updated < desired) {
        return progressing(`Waiting for rollout to finish: ${updated} out of ${desired} new replicas have been updated...`);
    }
    if (replicas > updated) {
        return progressing(`Waiting for rollout to finish: ${replicas - updated} old replicas are pending termination...`);
    }
    if (available < updated) {
        return progressing(`Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`);
    }
    return healthy(`Deployment "${name}" successfully rolled out (${available}/${desired} available)`);
}

;// CONCATENATED MODULE: ./src/health/checks/job.ts
/**
 * Job health from its conditions. A Job that was resumed (Suspended=False) is not "complete": Argo CD gets
 * that wrong and reports it Healthy; we report it running.
 */


function jobHealth(obj) {
    const conds = conditions(obj).filter((c) => c.status === 'True');
    const failed = conds.find((c) => c.type === 'Failed') ?? conds.find((c) => c.type === 'FailureTarget');
    if (failed)
        return degraded(failed.message || `Job failed: ${failed.reason}`, failed.reason || 'Failed');
    const complete = conds.find((c) => c.type === 'Complete') ?? conds.find((c) => c.type === 'SuccessCriteriaMet');
    if (complete)
        return healthy(complete.message || 'Job completed');
    const suspend = conds.find((c) => c.type === 'Suspended');
    if (suspend)
        return suspended(suspend.message || 'Job suspended', suspend.reason || 'JobSuspended');
    const active = object_fields_num(obj, 'status.active');
    const succeeded = object_fields_num(obj, 'status.succeeded');
    const failedPods = object_fields_num(obj, 'status.failed');
    const completions = object_fields_num(obj, 'spec.completions', 1);
    const parts = [`${succeeded}/${completions} completed`];
    if (active)
        parts.push(`${active} running`);
    if (failedPods)
        parts.push(`${failedPods} failed (backoffLimit ${object_fields_num(obj, 'spec.backoffLimit', 6)})`);
    return progressing(`Job running: ${parts.join(', ')}`);
}

;// CONCATENATED MODULE: ./src/health/checks/networking.ts
/** Services of type LoadBalancer and Ingresses are ready once an address is published. */


function addresses(obj) {
    return list(obj, 'status.loadBalancer.ingress')
        .map((i) => String(i.ip ?? i.hostname ?? ''))
        .filter(Boolean);
}
function serviceHealth(obj) {
    if (object_fields_str(obj, 'spec.type') !== 'LoadBalancer')
        return healthy();
    const ips = addresses(obj);
    if (ips.length === 0)
        return progressing('Waiting for the load balancer to assign an external address');
    return healthy(`load balancer at ${ips.join(', ')}`);
}
function ingressHealth(obj) {
    const ips = addresses(obj);
    if (ips.length === 0)
        return progressing('Waiting for the ingress controller to publish an address');
    return healthy(`address ${ips.join(', ')}`);
}

;// CONCATENATED MODULE: ./src/health/checks/pod.ts
/**
 * Pod health. Pods that restart forever (restartPolicy Always) are Degraded as soon as a container is stuck
 * (Err…, …Error, …BackOff). Finite pods (Never, OnFailure: hooks, Job pods) are never failed for a waiting
 * state here — an image may still appear — the fail-fast diagnosis decides that with a grace period.
 */


function isStuck(reason) {
    return reason.startsWith('Err') || reason.endsWith('Error') || reason.endsWith('BackOff');
}
function terminatedMessage(c) {
    const t = c.state?.terminated;
    if (!t)
        return '';
    const name = String(c.name);
    const message = typeof t.message === 'string' ? t.message.trim() : '';
    if (message)
        return `container "${name}": ${message}`;
    if (t.reason === 'OOMKilled')
        return `container "${name}" was OOMKilled (out of memory)`;
    if (typeof t.exitCode === 'number' && t.exitCode !== 0)
        return `container "${name}" failed with exit code ${t.exitCode}`;
    return '';
}
function isReady(pod) {
    return list(pod, 'status.conditions').some((c) => c.type === 'Ready' && c.status === 'True');
}
function podHealth(pod) {
    const restartPolicy = object_fields_str(pod, 'spec.restartPolicy') || 'Always';
    const statuses = list(pod, 'status.containerStatuses');
    const initStatuses = list(pod, 'status.initContainerStatuses');
    const podMessage = object_fields_str(pod, 'status.message');
    if (restartPolicy === 'Always') {
        const stuck = [...initStatuses, ...statuses]
            .map((c) => ({
            name: String(c.name),
            waiting: c.state?.waiting,
        }))
            .filter((c) => c.waiting && isStuck(String(c.waiting.reason ?? '')));
        if (stuck.length > 0) {
            return degraded(stuck
                .map((c) => `container "${c.name}" is ${String(c.waiting.reason)}${c.waiting.message ? `: ${String(c.waiting.message)}` : ''}`)
                .join('; '), String(stuck[0].waiting.reason));
        }
    }
    switch (object_fields_str(pod, 'status.phase')) {
        case 'Pending':
        case '': {
            const scheduled = list(pod, 'status.conditions').find((c) => c.type === 'PodScheduled');
            if (scheduled?.status === 'False')
                return progressing(`not scheduled: ${String(scheduled.message ?? scheduled.reason ?? '')}`, String(scheduled.reason ?? ''));
            const waiting = [...initStatuses, ...statuses]
                .map((c) => c.state?.waiting)
                .find((w) => w?.reason);
            return progressing(podMessage ||
                (waiting
                    ? `waiting: ${String(waiting.reason)}${waiting.message ? ` (${String(waiting.message)})` : ''}`
                    : 'Pending'));
        }
        case 'Succeeded':
            return healthy(podMessage || 'all containers completed successfully');
        case 'Failed': {
            if (podMessage)
                return degraded(podMessage, object_fields_str(pod, 'status.reason') || undefined);
            for (const c of [...initStatuses, ...statuses]) {
                const message = terminatedMessage(c);
                if (message)
                    return degraded(message, String(c.state.terminated.reason ?? 'Error'));
            }
            return degraded('the pod failed', object_fields_str(pod, 'status.reason') || undefined);
        }
        case 'Running': {
            if (restartPolicy !== 'Always')
                return progressing(podMessage || 'running');
            if (isReady(pod))
                return healthy(podMessage || 'running and ready');
            const restarted = statuses.find((c) => c.lastState?.terminated);
            if (restarted) {
                const last = terminatedMessage({ name: restarted.name, state: restarted.lastState });
                return degraded(podMessage || last || `container "${String(restarted.name)}" restarted and is not ready`, 'Restarting');
            }
            return progressing(podMessage || 'running, not ready yet');
        }
        default:
            return unknown(podMessage || `unknown pod phase "${object_fields_str(pod, 'status.phase')}"`);
    }
}

;// CONCATENATED MODULE: ./src/health/checks/replicaset.ts
/** ReplicaSet health: ReplicaFailure makes it Degraded; otherwise it waits for available replicas. */


function replicaSetHealth(obj) {
    if (object_fields_num(obj, 'metadata.generation', 0) > object_fields_num(obj, 'status.observedGeneration', 0)) {
        return progressing('Waiting for rollout to finish: observed replica set generation less than desired generation');
    }
    const failure = object_fields_condition(obj, 'ReplicaFailure');
    if (failure?.status === 'True')
        return degraded(failure.message || 'the replica set cannot create its pods', failure.reason || 'ReplicaFailure');
    const desired = object_fields_num(obj, 'spec.replicas', 1);
    const available = object_fields_num(obj, 'status.availableReplicas');
    if (available < desired)
        return progressing(`Waiting for rollout to finish: ${available} out of ${desired} new replicas are available...`);
    return healthy(`${available}/${desired} replicas available`);
}

;// CONCATENATED MODULE: ./src/health/checks/statefulset.ts
/** StatefulSet health: generation observed, replicas ready, the rolling update (with partition) done. */


function statefulSetHealth(obj) {
    const name = nameOf(obj);
    const observed = object_fields_num(obj, 'status.observedGeneration', 0);
    if (observed === 0 || object_fields_num(obj, 'metadata.generation', 0) > observed) {
        return progressing('Waiting for statefulset spec update to be observed...');
    }
    const desired = object_fields_num(obj, 'spec.replicas', 1);
    const ready = object_fields_num(obj, 'status.readyReplicas');
    if (ready < desired)
        return progressing(`Waiting for ${desired - ready} pods to be ready...`);
    const strategy = object_fields_str(obj, 'spec.updateStrategy.type') || 'RollingUpdate';
    if (strategy === 'OnDelete')
        return healthy(`statefulset "${name}" uses OnDelete updates: ${ready} pods ready`);
    const partition = field(obj, 'spec.updateStrategy.rollingUpdate.partition');
    if (strategy === 'RollingUpdate' && typeof partition === 'number' && partition > 0) {
        const updated = object_fields_num(obj, 'status.updatedReplicas');
        const target = desired - partition;
        if (updated < target)
            return progressing(`Waiting for partitioned roll out to finish: ${updated} out of ${target} new pods have been updated...`);
        return healthy(`partitioned roll out complete: ${updated} new pods have been updated...`);
    }
    const current = object_fields_str(obj, 'status.currentRevision');
    const update = object_fields_str(obj, 'status.updateRevision');
    if (update && current !== update) {
        return progressing(`waiting for statefulset rolling update to complete ${object_fields_num(obj, 'status.updatedReplicas')} pods at revision ${update}...`);
    }
    return healthy(`statefulset rolling update complete ${object_fields_num(obj, 'status.currentReplicas', ready)} pods at revision ${current || update}...`);
}

;// CONCATENATED MODULE: ./src/health/checks/storage.ts
/** A PersistentVolumeClaim is ready once Bound; Lost is beyond repair. */


function persistentVolumeClaimHealth(obj) {
    const phase = object_fields_str(obj, 'status.phase');
    switch (phase) {
        case 'Bound':
            return healthy(`bound to volume ${object_fields_str(obj, 'spec.volumeName') || '(unnamed)'}`);
        case 'Pending':
            return progressing(object_fields_str(obj, 'spec.storageClassName')
                ? `waiting for a volume of class "${object_fields_str(obj, 'spec.storageClassName')}" to be bound`
                : 'waiting for a volume to be bound');
        case 'Lost':
            return degraded('the claim lost its volume', 'ClaimLost');
        default:
            return unknown(phase ? `unknown claim phase "${phase}"` : 'the claim has no status yet');
    }
}

;// CONCATENATED MODULE: ./src/health/resource-health.ts
/**
 * Which check judges which kind, and the rules that apply before any check: an object being deleted is
 * "Pending deletion"; a custom resource whose controller has not observed its latest generation is still
 * Progressing (the stale-status trap behind PostSync hooks firing early).
 */













const CHECKS = {
    'apps/Deployment': deploymentHealth,
    'apps/StatefulSet': statefulSetHealth,
    'apps/DaemonSet': daemonSetHealth,
    'apps/ReplicaSet': replicaSetHealth,
    '/Pod': podHealth,
    'batch/Job': jobHealth,
    '/Service': serviceHealth,
    'networking.k8s.io/Ingress': ingressHealth,
    'extensions/Ingress': ingressHealth,
    '/PersistentVolumeClaim': persistentVolumeClaimHealth,
    'autoscaling/HorizontalPodAutoscaler': horizontalPodAutoscalerHealth,
    'apiregistration.k8s.io/APIService': apiServiceHealth,
    'apiextensions.k8s.io/CustomResourceDefinition': customResourceDefinitionHealth,
    'argoproj.io/Workflow': workflowHealth,
};
function hasHealthCheck(group, kind) {
    return `${group}/${kind}` in CHECKS;
}
/**
 * The health of a live object, or undefined when its kind has no health check (it counts as healthy once
 * it exists).
 */
function resource_health_assessHealth(obj, options = {}) {
    const group = groupOfObject(obj);
    const kind = object_fields_str(obj, 'kind');
    if (field(obj, 'metadata.deletionTimestamp') && !options.hook)
        return progressing('Pending deletion');
    const check = CHECKS[`${group}/${kind}`];
    if (check)
        return check(obj);
    const observed = field(obj, 'status.observedGeneration');
    const generation = object_fields_num(obj, 'metadata.generation', 0);
    if (typeof observed === 'number' && generation > observed) {
        return progressing(`waiting for the controller to observe generation ${generation} (it has seen ${observed})`);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/health/hook-outcome.ts


function fromHealth(h) {
    switch (h.status) {
        case 'Healthy':
            return { state: 'Succeeded', message: h.message };
        case 'Degraded':
        case 'Unknown':
            // Unknown fails a hook (a resource would wait): a hook that cannot be judged must not pass.
            return { state: 'Failed', message: h.message, ...(h.reason ? { reason: h.reason } : {}) };
        default:
            return { state: 'Running', message: h.message, ...(h.reason ? { reason: h.reason } : {}) };
    }
}
function hook_outcome_hookOutcome(obj) {
    const health = assessHealth(obj, { hook: true });
    if (!health)
        return { state: 'Succeeded', message: `${str(obj, 'kind')}/${str(obj, 'metadata.name')} created` };
    return fromHealth(health);
}

;// CONCATENATED MODULE: ./src/health/judge.ts
/**
 * Judgements with context: a resource's or hook's own status, made sharper by its pods and events (the
 * fail-fast diagnosis). This is what the sync engine asks and what `hook-sync health` prints.
 */




function judgeResource(obj, seen) {
    const health = resource_health_assessHealth(obj);
    if (!seen || !health || health.status === 'Healthy' || health.status === 'Degraded')
        return { health, diagnosis: { pending: [] } };
    const diagnosis = fail_fast_diagnose({ object: obj, ...seen });
    if (diagnosis.failed)
        return { health: degraded(diagnosis.failed.message, diagnosis.failed.reason), diagnosis };
    return { health, diagnosis };
}
function judgeHook(obj, seen) {
    const outcome = hookOutcome(obj);
    if (!seen || outcome.state !== 'Running')
        return { outcome, diagnosis: { pending: [] } };
    const diagnosis = diagnose({ object: obj, ...seen });
    if (diagnosis.failed)
        return {
            outcome: { state: 'Failed', message: diagnosis.failed.message, reason: diagnosis.failed.reason },
            diagnosis,
        };
    return { outcome, diagnosis };
}

;// CONCATENATED MODULE: ./src/health/related-objects.ts
/** Which pods belong to a hook or workload, among objects at hand (a `kubectl get -o yaml` dump, a watch cache). */

function owners(obj) {
    const refs = field(obj, 'metadata.ownerReferences');
    return Array.isArray(refs) ? refs.map((r) => String(r.uid)) : [];
}
function matchesSelector(pod, selector) {
    const labels = (field(pod, 'metadata.labels') ?? {});
    const matchLabels = (field(selector, 'matchLabels') ?? {});
    const entries = Object.entries(matchLabels);
    return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}
/** Pods of a Job, Pod, ReplicaSet, StatefulSet, DaemonSet or Deployment (through its ReplicaSets or selector). */
function podsOf(obj, objects) {
    const kind = object_fields_str(obj, 'kind');
    const uid = object_fields_str(obj, 'metadata.uid');
    const namespace = object_fields_str(obj, 'metadata.namespace');
    const pods = objects.filter((o) => object_fields_str(o, 'kind') === 'Pod' && object_fields_str(o, 'metadata.namespace') === namespace);
    if (kind === 'Pod')
        return [obj];
    if (kind === 'Deployment') {
        const replicaSets = objects
            .filter((o) => object_fields_str(o, 'kind') === 'ReplicaSet' && owners(o).includes(uid))
            .map((rs) => object_fields_str(rs, 'metadata.uid'));
        const owned = pods.filter((p) => owners(p).some((o) => replicaSets.includes(o)));
        return owned.length ? owned : pods.filter((p) => matchesSelector(p, field(obj, 'spec.selector')));
    }
    const owned = pods.filter((p) => owners(p).includes(uid));
    return owned.length ? owned : pods.filter((p) => matchesSelector(p, field(obj, 'spec.selector')));
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/manifests/kube-object.ts
/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (the core group). */
function groupOf(apiVersion) {
    const slash = apiVersion.indexOf('/');
    return slash < 0 ? '' : apiVersion.slice(0, slash);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Annotations as strings only; validation reports non-string values separately. */
function stringAnnotations(obj) {
    const raw = obj.metadata?.annotations;
    const out = {};
    if (!isRecord(raw))
        return out;
    for (const [key, value] of Object.entries(raw)) {
        if (typeof value === 'string')
            out[key] = value;
    }
    return out;
}
/** Identity of an object in a cluster: what makes two manifests "the same object". */
function identityKey(group, kind, namespace, name) {
    return `${group}/${kind}/${namespace}/${name}`;
}

;// CONCATENATED MODULE: ./src/manifests/yaml-documents.ts
/**
 * Multi-document YAML with source positions. js-yaml's parser emits events carrying source offsets; we walk
 * them once to build a tree of positions beside the constructed values, so any field of any object (an
 * annotation, a List item) can be pointed at by line, not only the document it sits in.
 */

/** Kubernetes' own YAML reader honours `<<` merge keys; the 1.2 core schema otherwise matches it. */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);
class YamlSyntaxError extends Error {
    reason;
    line;
    column;
    constructor(reason, 
    /** 1-based. */
    line, 
    /** 1-based. */
    column) {
        super(`${reason} (line ${line}, column ${column})`);
        this.reason = reason;
        this.line = line;
        this.column = column;
        this.name = 'YamlSyntaxError';
    }
}
/** Offsets to 1-based lines and columns. */
class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = 0; i < text.length; i++)
            if (text.charCodeAt(i) === 10)
                this.starts.push(i + 1);
    }
    position(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((this.starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
    }
}
function eventOffset(e) {
    switch (e.type) {
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
            return e.anchorStart >= 0 ? Math.min(e.anchorStart, e.start) : e.start;
        case EVENT_ID.SCALAR:
            return e.valueStart;
        case EVENT_ID.ALIAS:
            return e.anchorStart;
        default:
            return -1;
    }
}
function buildPositions(events, source) {
    const roots = [];
    const stack = [];
    const attach = (child, keyName) => {
        const parent = stack[stack.length - 1];
        if (!parent)
            return;
        if (parent.isDocument) {
            parent.root = child;
            return;
        }
        if (parent.node?.items) {
            parent.node.items.push(child);
            return;
        }
        if (parent.node?.entries) {
            if (parent.expectKey) {
                parent.pendingKey = { name: keyName ?? '\u0000complex-key', offset: child.offset };
                parent.expectKey = false;
            }
            else {
                const key = parent.pendingKey ?? { name: '\u0000missing-key', offset: child.offset };
                parent.node.entries.set(key.name, { keyOffset: key.offset, value: child });
                parent.pendingKey = undefined;
                parent.expectKey = true;
            }
        }
    };
    for (const e of events) {
        switch (e.type) {
            case EVENT_ID.DOCUMENT:
                stack.push({ node: undefined, expectKey: false, isDocument: true });
                break;
            case EVENT_ID.MAPPING:
            case EVENT_ID.SEQUENCE: {
                const node = e.type === EVENT_ID.MAPPING
                    ? { offset: eventOffset(e), entries: new Map() }
                    : { offset: eventOffset(e), items: [] };
                attach(node, undefined);
                stack.push({ node, expectKey: true, isDocument: false });
                break;
            }
            case EVENT_ID.SCALAR: {
                const empty = e.valueStart < 0;
                const node = {
                    offset: empty ? (stack[stack.length - 1]?.node?.offset ?? 0) : e.valueStart,
                };
                const isKey = !!stack[stack.length - 1]?.node?.entries && !!stack[stack.length - 1]?.expectKey;
                attach(node, isKey ? getScalarValue(source, e) : undefined);
                break;
            }
            case EVENT_ID.ALIAS:
                attach({ offset: eventOffset(e) });
                break;
            case EVENT_ID.POP: {
                const frame = stack.pop();
                if (frame?.isDocument) {
                    // An empty document holds a single empty scalar; it has no position worth reporting.
                    const root = frame.root;
                    roots.push(root && (root.entries || root.items) ? root : undefined);
                }
                break;
            }
        }
    }
    return roots;
}
function toSyntaxError(err) {
    const e = err;
    const line = (e.mark?.line ?? 0) + 1;
    const column = (e.mark?.column ?? 0) + 1;
    return new YamlSyntaxError(e.reason ?? e.message ?? String(err), line, column);
}
/** Parses every document of a YAML (or JSON) text. Throws YamlSyntaxError with a 1-based line and column. */
function parseYamlDocuments(text) {
    let events;
    let values;
    try {
        events = parseEvents(text, {});
        values = constructFromEvents(events, { source: text, schema: SCHEMA });
    }
    catch (err) {
        throw toSyntaxError(err);
    }
    const roots = buildPositions(events, text);
    return values.map((value, i) => ({ value, root: roots[i] }));
}
/** The offset of the deepest node along `path` that exists; the root's when none does. */
function offsetAt(root, path) {
    let node = root;
    let best = root?.offset;
    for (const step of path) {
        if (!node)
            break;
        if (typeof step === 'number')
            node = node.items?.[step];
        else
            node = node.entries?.get(step)?.value;
        if (node)
            best = node.offset;
    }
    return best;
}
/** The sub-tree at `path`, if every step exists. */
function nodeAt(root, path) {
    let node = root;
    for (const step of path) {
        if (!node)
            return undefined;
        node = typeof step === 'number' ? node.items?.[step] : node.entries?.get(step)?.value;
    }
    return node;
}

;// CONCATENATED MODULE: ./src/manifests/load-manifests.ts
/**
 * Turns the paths a user gives (files, directories, globs) into objects, each remembering the file and line
 * it came from. Loading never stops at the first problem: every error in every file is collected, so one
 * CI run shows them all.
 */




const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const GLOB_CHARS = /[*?[\]{}]/;
function hasManifestExtension(file) {
    return MANIFEST_EXTENSIONS.includes(external_node_path_default().extname(file).toLowerCase());
}
async function walkDirectory(dir, out) {
    const entries = await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        // Hidden entries (.git, .github) are never manifests a user meant to apply.
        if (entry.name.startsWith('.'))
            continue;
        const full = external_node_path_default().join(dir, entry.name);
        if (entry.isDirectory())
            await walkDirectory(full, out);
        else if (entry.isFile() && hasManifestExtension(entry.name))
            out.push(full);
        // Linked files are followed; linked directories are not, so a link cycle cannot loop forever.
        else if (entry.isSymbolicLink() && hasManifestExtension(entry.name)) {
            const target = await (0,promises_namespaceObject.stat)(full).catch(() => undefined);
            if (target?.isFile())
                out.push(full);
        }
    }
}
/** Expands the user's paths into an ordered, de-duplicated list of absolute file paths. */
async function resolveManifestPaths(inputs, cwd) {
    const diagnostics = [];
    const found = [];
    for (const input of inputs) {
        const abs = external_node_path_default().resolve(cwd, input);
        if (GLOB_CHARS.test(input)) {
            const matches = [];
            for await (const match of (0,promises_namespaceObject.glob)(input, { cwd })) {
                const full = external_node_path_default().resolve(cwd, match);
                if (hasManifestExtension(full) && (await (0,promises_namespaceObject.stat)(full)).isFile())
                    matches.push(full);
            }
            matches.sort();
            if (matches.length === 0) {
                diagnostics.push({
                    severity: 'error',
                    code: 'no-manifests',
                    message: `the pattern "${input}" matched no .yaml, .yml or .json file`,
                    hint: `check the pattern against the files under ${cwd}`,
                });
            }
            found.push(...matches);
            continue;
        }
        let info;
        try {
            info = await (0,promises_namespaceObject.stat)(abs);
        }
        catch {
            diagnostics.push({
                severity: 'error',
                code: 'path-not-found',
                message: `no such file or directory: ${input}`,
                hint: `paths are resolved from ${cwd}`,
            });
            continue;
        }
        if (info.isDirectory()) {
            const before = found.length;
            await walkDirectory(abs, found);
            if (found.length === before) {
                diagnostics.push({
                    severity: 'error',
                    code: 'no-manifests',
                    message: `the directory "${input}" holds no .yaml, .yml or .json file`,
                    hint: 'point at the directory that holds the manifests',
                });
            }
        }
        else {
            found.push(abs);
        }
    }
    const seen = new Set();
    const files = [];
    for (const file of found) {
        const real = await (0,promises_namespaceObject.realpath)(file).catch(() => file);
        if (seen.has(real))
            continue;
        seen.add(real);
        files.push(file);
    }
    return { files, diagnostics };
}
function displayPath(file, cwd) {
    const rel = external_node_path_default().relative(cwd, file);
    return rel && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel) ? rel : file;
}
function isKustomization(obj) {
    return (obj.kind === 'Kustomization' &&
        typeof obj.apiVersion === 'string' &&
        obj.apiVersion.startsWith('kustomize.config.k8s.io/'));
}
/** Parses one file's text into manifests; problems go to `diagnostics`. */
function parseManifestText(text, file, diagnostics) {
    const lines = new LineIndex(text);
    const at = (offset) => {
        const { line } = lines.position(offset ?? 0);
        return { file, line };
    };
    let documents;
    try {
        documents = parseYamlDocuments(text);
    }
    catch (err) {
        if (!(err instanceof YamlSyntaxError))
            throw err;
        // Strict JSON that YAML rejects (tab indentation, for one) is still a valid manifest file.
        if (file.toLowerCase().endsWith('.json')) {
            try {
                documents = [{ value: JSON.parse(text), root: undefined }];
            }
            catch {
                /* report the YAML error: it carries a line and column */
            }
        }
        if (!documents) {
            diagnostics.push({
                severity: 'error',
                code: 'yaml-syntax',
                message: `invalid YAML: ${err.reason}`,
                hint: 'fix the syntax at this line and column',
                source: { file, line: err.line, column: err.column },
            });
            return [];
        }
    }
    const manifests = [];
    const add = (value, root) => {
        const source = at(root?.offset);
        if (!isRecord(value)) {
            diagnostics.push({
                severity: 'error',
                code: 'not-an-object',
                message: `a YAML document must be a Kubernetes object (a mapping with apiVersion and kind), found ${Array.isArray(value) ? 'a list' : typeof value}`,
                hint: 'remove it, or separate objects with "---"',
                source,
            });
            return;
        }
        if (isKustomization(value)) {
            diagnostics.push({
                severity: 'warning',
                code: 'kustomization-skipped',
                message: 'a kustomization.yaml is not a Kubernetes object and was not applied',
                hint: 'render it with "kubectl kustomize" and point hook-sync at the output',
                source,
            });
            return;
        }
        manifests.push({
            object: value,
            source,
            locate: (fieldPath) => at(offsetAt(root, fieldPath)),
        });
    };
    for (const doc of documents) {
        const value = doc.value;
        if (value === null || value === undefined)
            continue; // empty document, trailing ---
        if (isRecord(value) &&
            typeof value.kind === 'string' &&
            value.kind.endsWith('List') &&
            Array.isArray(value.items)) {
            const itemsNode = nodeAt(doc.root, ['items']);
            value.items.forEach((item, i) => add(item, itemsNode?.items?.[i] ?? doc.root));
            continue;
        }
        add(value, doc.root);
    }
    return manifests;
}
/** Loads every manifest under `inputs`. Never throws for bad input: problems are in `diagnostics`. */
async function loadManifests(inputs, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const { files, diagnostics } = await resolveManifestPaths(inputs, cwd);
    const manifests = [];
    const shown = [];
    for (const file of files) {
        const display = displayPath(file, cwd);
        shown.push(display);
        let text;
        try {
            text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
        }
        catch (err) {
            diagnostics.push({
                severity: 'error',
                code: 'unreadable-file',
                message: `cannot read the file: ${err.message}`,
                source: { file: display, line: 1 },
            });
            continue;
        }
        manifests.push(...parseManifestText(text, display, diagnostics));
    }
    return { manifests, diagnostics, files: shown };
}

;// CONCATENATED MODULE: ./src/cli/commands/health.ts
/** `hook-sync health <files…>`: why hook-sync thinks an object is (not) ready, from `kubectl get -o yaml`. */









const HEALTH_USAGE = `Usage: hook-sync health <files…> [--json] [--now RFC3339]

Judges live objects as hook-sync does during a sync. Give it what kubectl prints:

  kubectl get deployment,replicaset,pod,event -n shop -o yaml > state.yaml
  hook-sync health state.yaml

Pods and Events in the same input sharpen the verdict: an image that cannot be pulled, a missing
ConfigMap or a crash loop makes a workload Degraded once it has lasted past its grace period.

Options:
  --json        print one JSON array of {"kind","name","namespace","status","message"}
  --now TIME    judge as of this time (default: now), for reproducible answers
`;
async function healthCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            json: { type: 'boolean', default: false },
            now: { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        io.stdout(HEALTH_USAGE);
        return cli_io/* EXIT */.dc.ok;
    }
    if (positionals.length === 0)
        throw new cli_io/* UsageError */.eb('health needs at least one file (kubectl get … -o yaml output)');
    const now = values.now ? Date.parse(values.now) : Date.now();
    if (Number.isNaN(now))
        throw new cli_io/* UsageError */.eb(`--now must be a time such as 2026-01-02T03:04:05Z, not "${values.now}"`);
    const diagnostics = [];
    const objects = [];
    for (const file of positionals) {
        let text;
        try {
            text = await (0,promises_namespaceObject.readFile)(external_node_path_default().resolve(io.cwd, file), 'utf8');
        }
        catch (err) {
            diagnostics.push({
                severity: 'error',
                code: 'unreadable-file',
                message: `cannot read ${file}: ${err.message}`,
            });
            continue;
        }
        objects.push(...parseManifestText(text, file, diagnostics).map((m) => m.object));
    }
    if (diagnostics.some((d) => d.severity === 'error'))
        throw new InvalidInputError(diagnostics);
    const events = objects.filter((o) => object_fields_str(o, 'kind') === 'Event');
    const lines = objects
        .filter((o) => object_fields_str(o, 'kind') !== 'Event')
        .map((o) => {
        const { health } = judgeResource(o, { pods: podsOf(o, objects), events, now });
        return {
            kind: object_fields_str(o, 'kind'),
            name: object_fields_str(o, 'metadata.name'),
            namespace: object_fields_str(o, 'metadata.namespace'),
            status: health?.status ?? 'Healthy',
            message: health
                ? health.message
                : `no health check for ${object_fields_str(o, 'kind')}: counted healthy once it exists`,
        };
    });
    if (values.json)
        io.stdout(JSON.stringify(lines, null, 2) + '\n');
    else
        for (const l of lines)
            io.stdout(`${l.kind}/${l.name}: ${l.status}${l.message ? ` — ${l.message}` : ''}\n`);
    return cli_io/* EXIT */.dc.ok;
}

;// CONCATENATED MODULE: ./src/hooks/annotations.ts
/** Annotation keys hook-sync reads. Argo CD's own, so existing repositories work unchanged. */
const ARGO_HOOK = 'argocd.argoproj.io/hook';
const ARGO_HOOK_DELETE_POLICY = 'argocd.argoproj.io/hook-delete-policy';
const ARGO_SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
const ARGO_SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';
const HELM_HOOK = 'helm.sh/hook';
const HELM_HOOK_WEIGHT = 'helm.sh/hook-weight';
const HELM_HOOK_DELETE_POLICY = 'helm.sh/hook-delete-policy';
/** Comma-separated values, trimmed, empty ones dropped, duplicates removed (first wins). */
function csv(value) {
    const out = [];
    for (const part of value.split(',')) {
        const v = part.trim();
        if (v && !out.includes(v))
            out.push(v);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/hooks/delete-policy.ts
/**
 * When a hook object is deleted (contract §4). Argo and Helm policies are merged; none at all means
 * BeforeHookCreation, so a named hook runs again on every sync.
 */

const DELETE_POLICIES = ['BeforeHookCreation', 'HookSucceeded', 'HookFailed'];
const HELM_TO_ARGO = {
    'before-hook-creation': 'BeforeHookCreation',
    'hook-succeeded': 'HookSucceeded',
    'hook-failed': 'HookFailed',
};
function parseDeletePolicies(annotations) {
    const problems = [];
    const found = new Set();
    const argo = annotations[ARGO_HOOK_DELETE_POLICY];
    if (argo !== undefined) {
        for (const v of csv(argo)) {
            if (DELETE_POLICIES.includes(v))
                found.add(v);
            else
                problems.push({
                    annotation: ARGO_HOOK_DELETE_POLICY,
                    severity: 'warning',
                    code: 'unknown-delete-policy',
                    message: `unknown hook delete policy "${v}" is ignored`,
                    hint: `use ${DELETE_POLICIES.join(', ')}`,
                });
        }
    }
    const helm = annotations[HELM_HOOK_DELETE_POLICY];
    if (helm !== undefined) {
        for (const v of csv(helm)) {
            const mapped = HELM_TO_ARGO[v];
            if (mapped)
                found.add(mapped);
            else
                problems.push({
                    annotation: HELM_HOOK_DELETE_POLICY,
                    severity: 'warning',
                    code: 'unknown-delete-policy',
                    message: `unknown Helm hook delete policy "${v}" is ignored`,
                    hint: `use ${Object.keys(HELM_TO_ARGO).join(', ')}`,
                });
        }
    }
    if (found.size === 0)
        return { policies: ['BeforeHookCreation'], defaulted: true, problems };
    return { policies: DELETE_POLICIES.filter((p) => found.has(p)), defaulted: false, problems };
}

;// CONCATENATED MODULE: ./src/hooks/phase.ts
/** The phases of a sync operation, in the order they run. */
const SYNC_PHASES = ['PreSync', 'Sync', 'PostSync', 'SyncFail'];
/** The phases of a delete operation (PR preview teardown), in the order they run. */
const DELETE_PHASES = ['PreDelete', 'PostDelete'];
const ORDER = [...SYNC_PHASES, ...DELETE_PHASES];
function phaseOrder(phase) {
    return ORDER.indexOf(phase);
}
function isSyncPhase(phase) {
    return SYNC_PHASES.includes(phase);
}
function phasesOf(operation) {
    return operation === 'sync' ? SYNC_PHASES : DELETE_PHASES;
}

;// CONCATENATED MODULE: ./src/hooks/hook-types.ts
/**
 * Which phases an object runs in, from `argocd.argoproj.io/hook` and `helm.sh/hook` (contract §1).
 * Argo's recognised types win over Helm's on the same object; an object whose hook annotation names no
 * phase we know is dropped, as Argo CD drops it, but unlike Argo CD we say so.
 */


const ARGO_TYPES = [
    'PreSync',
    'Sync',
    'PostSync',
    'SyncFail',
    'PreDelete',
    'PostDelete',
    'Skip',
];
const HELM_TO_PHASE = {
    'pre-install': 'PreSync',
    'pre-upgrade': 'PreSync',
    'post-install': 'PostSync',
    'post-upgrade': 'PostSync',
    'pre-delete': 'PreDelete',
    'post-delete': 'PostDelete',
};
const HELM_TEST = ['test', 'test-success', 'test-failure'];
const HELM_ROLLBACK = ['pre-rollback', 'post-rollback'];
function sortPhases(phases) {
    return [...new Set(phases)].sort((a, b) => phaseOrder(a) - phaseOrder(b));
}
function argoTypes(value, problems) {
    const known = [];
    for (const v of csv(value)) {
        if (ARGO_TYPES.includes(v)) {
            known.push(v);
            continue;
        }
        const sameButCase = ARGO_TYPES.find((t) => t.toLowerCase() === v.toLowerCase());
        problems.push({
            annotation: ARGO_HOOK,
            severity: 'warning',
            code: 'unknown-hook-type',
            message: `unknown hook type "${v}"`,
            hint: sameButCase
                ? `hook types are case-sensitive: write "${sameButCase}"`
                : `use one of ${ARGO_TYPES.join(', ')}`,
        });
    }
    return known;
}
function helmPhases(value, problems) {
    const phases = [];
    for (const v of csv(value)) {
        const phase = HELM_TO_PHASE[v];
        if (phase)
            phases.push(phase);
        else if (v === 'crd-install')
            continue;
        else if (HELM_TEST.includes(v)) {
            problems.push({
                annotation: HELM_HOOK,
                severity: 'warning',
                code: 'helm-test-hook-dropped',
                message: `Helm "${v}" hooks are not run during a sync`,
                hint: 'run chart tests with "helm test", or make it a PostSync hook with argocd.argoproj.io/hook: PostSync',
            });
        }
        else if (HELM_ROLLBACK.includes(v)) {
            problems.push({
                annotation: HELM_HOOK,
                severity: 'warning',
                code: 'helm-rollback-hook-dropped',
                message: `Helm "${v}" hooks are not run during a sync`,
            });
        }
        else {
            problems.push({
                annotation: HELM_HOOK,
                severity: 'warning',
                code: 'unknown-helm-hook',
                message: `unknown Helm hook "${v}"`,
                hint: `use one of ${[...Object.keys(HELM_TO_PHASE), 'crd-install'].join(', ')}`,
            });
        }
    }
    return sortPhases(phases);
}
function classifyHook(annotations) {
    const problems = [];
    const argo = annotations[ARGO_HOOK];
    const helm = annotations[HELM_HOOK];
    if (argo !== undefined) {
        const types = argoTypes(argo, problems);
        const phases = sortPhases(types.filter((t) => t !== 'Skip'));
        if (phases.length > 0) {
            if (helm !== undefined) {
                problems.push({
                    annotation: HELM_HOOK,
                    severity: 'warning',
                    code: 'helm-hook-overridden',
                    message: `helm.sh/hook "${helm}" is ignored because ${ARGO_HOOK} is set on the same object`,
                    hint: 'remove one of the two annotations to make the intent clear',
                });
            }
            return { role: { role: 'hook', phases, from: 'argo' }, problems };
        }
        if (types.length === 1 && types[0] === 'Skip')
            return { role: { role: 'skip' }, problems };
        // No recognised Argo type: Argo CD falls back to the Helm types of the same object.
        const fromHelm = helm !== undefined ? helmPhases(helm, problems) : [];
        if (fromHelm.length > 0)
            return { role: { role: 'hook', phases: fromHelm, from: 'helm' }, problems };
        problems.push({
            annotation: ARGO_HOOK,
            severity: 'warning',
            code: 'hook-dropped',
            message: `the object is a hook with no known phase ("${argo}"), so it is neither applied nor pruned`,
            hint: 'set a phase such as PreSync, or remove the annotation to apply it as a normal resource',
        });
        return { role: { role: 'dropped' }, problems };
    }
    if (helm !== undefined) {
        const values = csv(helm);
        if (values.length === 1 && values[0] === 'crd-install')
            return { role: { role: 'resource' }, problems };
        const phases = helmPhases(helm, problems);
        if (phases.length > 0)
            return { role: { role: 'hook', phases, from: 'helm' }, problems };
        if (!problems.some((p) => p.code === 'helm-test-hook-dropped' || p.code === 'helm-rollback-hook-dropped')) {
            problems.push({
                annotation: HELM_HOOK,
                severity: 'warning',
                code: 'hook-dropped',
                message: `the object is a Helm hook with no phase hook-sync runs ("${helm}"), so it is neither applied nor pruned`,
            });
        }
        return { role: { role: 'dropped' }, problems };
    }
    return { role: { role: 'resource' }, problems };
}

;// CONCATENATED MODULE: ./src/hooks/sync-options.ts
/** `argocd.argoproj.io/sync-options: Key=value,Key=value`, as Argo CD spells them. */

const KNOWN_SYNC_OPTIONS = [
    'Prune',
    'PruneLast',
    'PrunePropagationPolicy',
    'Delete',
    'Replace',
    'Force',
    'ServerSideApply',
    'Validate',
    'SkipDryRunOnMissingResource',
    'CreateNamespace',
    'ApplyOutOfSyncOnly',
    'RespectIgnoreDifferences',
    'FailOnSharedResource',
    'ClientSideApplyMigration',
];
function parseSyncOptions(annotations) {
    const raw = annotations[ARGO_SYNC_OPTIONS];
    const options = {};
    const problems = [];
    if (raw === undefined)
        return { options, problems };
    for (const part of raw.split(',')) {
        const entry = part.trim();
        if (!entry)
            continue;
        const eq = entry.indexOf('=');
        if (eq <= 0) {
            problems.push({
                annotation: ARGO_SYNC_OPTIONS,
                severity: 'warning',
                code: 'malformed-sync-option',
                message: `sync option "${entry}" is not of the form Key=value and is ignored`,
                hint: 'write for example "Prune=false"',
            });
            continue;
        }
        const key = entry.slice(0, eq).trim();
        const value = entry.slice(eq + 1).trim();
        if (!KNOWN_SYNC_OPTIONS.includes(key)) {
            problems.push({
                annotation: ARGO_SYNC_OPTIONS,
                severity: 'warning',
                code: 'unknown-sync-option',
                message: `unknown sync option "${key}" is ignored`,
                hint: `known options: ${KNOWN_SYNC_OPTIONS.join(', ')}`,
            });
            continue;
        }
        options[key] = value;
    }
    return { options, problems };
}

;// CONCATENATED MODULE: ./src/hooks/sync-wave.ts
/**
 * The wave of an object: `argocd.argoproj.io/sync-wave`, else `helm.sh/hook-weight`, else 0. Argo CD
 * quietly treats a value it cannot parse as 0, which reorders a deployment without a word; we refuse it.
 */

const INTEGER = /^[+-]?\d+$/;
function parseInteger(value) {
    if (!INTEGER.test(value))
        return undefined;
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : undefined;
}
function parseWave(annotations) {
    for (const key of [ARGO_SYNC_WAVE, HELM_HOOK_WEIGHT]) {
        const raw = annotations[key];
        if (raw === undefined)
            continue;
        const wave = parseInteger(raw);
        if (wave !== undefined)
            return { wave: wave === 0 ? 0 : wave, problems: [] };
        return {
            wave: 0,
            problems: [
                {
                    annotation: key,
                    severity: 'error',
                    code: key === ARGO_SYNC_WAVE ? 'invalid-sync-wave' : 'invalid-hook-weight',
                    message: `${key} must be an integer, found "${raw}"`,
                    hint: 'write a whole number such as "1" or "-2" (negative waves run first)',
                },
            ],
        };
    }
    return { wave: 0, problems: [] };
}

;// CONCATENATED MODULE: ./src/manifests/validate-object.ts

function objectRefOf(manifest) {
    const obj = manifest.object;
    const meta = isRecord(obj.metadata) ? obj.metadata : {};
    const name = typeof meta.name === 'string' && meta.name
        ? meta.name
        : typeof meta.generateName === 'string'
            ? `${meta.generateName}*`
            : '(unnamed)';
    return {
        kind: typeof obj.kind === 'string' && obj.kind ? obj.kind : '(no kind)',
        name,
        namespace: typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : undefined,
    };
}
/** Checks the shape; returns it when usable, with problems appended to `diagnostics`. */
function validateShape(manifest, diagnostics) {
    const obj = manifest.object;
    const object = objectRefOf(manifest);
    const error = (code, message, path, hint) => diagnostics.push({ severity: 'error', code, message, hint, source: manifest.locate(path), object });
    let usable = true;
    if (typeof obj.apiVersion !== 'string' || !obj.apiVersion.trim()) {
        error('missing-api-version', 'apiVersion is missing', ['apiVersion'], 'add for example "apiVersion: v1"');
        usable = false;
    }
    if (typeof obj.kind !== 'string' || !obj.kind.trim()) {
        error('missing-kind', 'kind is missing', ['kind'], 'add for example "kind: ConfigMap"');
        usable = false;
    }
    if (obj.metadata !== undefined && !isRecord(obj.metadata)) {
        error('invalid-metadata', 'metadata must be a mapping', ['metadata']);
        return undefined;
    }
    const meta = obj.metadata ?? {};
    for (const field of ['name', 'generateName', 'namespace']) {
        const value = meta[field];
        if (value !== undefined && typeof value !== 'string') {
            error('invalid-metadata', `metadata.${field} must be a string`, ['metadata', field], 'quote it');
            usable = false;
        }
    }
    for (const field of ['annotations', 'labels']) {
        const map = meta[field];
        if (map === undefined || map === null)
            continue;
        if (!isRecord(map)) {
            error('invalid-metadata', `metadata.${field} must be a mapping of strings`, ['metadata', field]);
            usable = false;
            continue;
        }
        for (const [key, value] of Object.entries(map)) {
            if (typeof value !== 'string') {
                error('non-string-metadata', `metadata.${field}["${key}"] is ${value === null ? 'null' : `a ${typeof value}`}, but Kubernetes only accepts strings`, ['metadata', field, key], `quote the value: "${String(value ?? '')}"`);
                usable = false;
            }
        }
    }
    if (!usable)
        return undefined;
    return {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: typeof meta.name === 'string' && meta.name ? meta.name : undefined,
        generateName: typeof meta.generateName === 'string' && meta.generateName ? meta.generateName : undefined,
        namespace: typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : undefined,
    };
}

;// CONCATENATED MODULE: ./src/plan/hook-names.ts
function revisionPrefix(revision) {
    return revision.length >= 8 ? revision.slice(0, 7) : revision;
}
function generatedHookName(generateName, revision, phase, startedAtUnix) {
    return generateName + `${revisionPrefix(revision)}-${phase}-${startedAtUnix}`.toLowerCase();
}

;// CONCATENATED MODULE: ./src/plan/object-names.ts
/**
 * The name rules the API server enforces, checked before anything is sent, so a bad name fails the plan
 * with the manifest's line rather than half-way through a sync.
 */
const object_names_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const object_names_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const subdomain = (max) => ({
    test: (n) => n.length <= max && object_names_SUBDOMAIN.test(n),
    describe: `lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most ${max} characters`,
});
const label = {
    test: (n) => n.length <= 63 && object_names_LABEL.test(n),
    describe: 'lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
};
const dns1035 = {
    test: (n) => n.length <= 63 && DNS1035_LABEL.test(n),
    describe: 'lower-case letters, digits and "-", starting with a letter, at most 63 characters',
};
/** RBAC objects and custom resources only need to be a valid URL path segment. */
const pathSegment = {
    test: (n) => n.length > 0 && n !== '.' && n !== '..' && !/[/%]/.test(n),
    describe: 'any text without "/" or "%", other than "." and ".."',
};
const RULES = {
    '/Namespace': label,
    '/Service': dns1035,
    // A Job's name becomes a label value on its pods; a CronJob's adds an 11-character suffix to it.
    'batch/Job': subdomain(63),
    'batch/CronJob': subdomain(52),
    'rbac.authorization.k8s.io/Role': pathSegment,
    'rbac.authorization.k8s.io/ClusterRole': pathSegment,
    'rbac.authorization.k8s.io/RoleBinding': pathSegment,
    'rbac.authorization.k8s.io/ClusterRoleBinding': pathSegment,
};
const BUILT_IN_GROUPS = new Set([
    '',
    'apps',
    'batch',
    'autoscaling',
    'policy',
    'networking.k8s.io',
    'storage.k8s.io',
    'rbac.authorization.k8s.io',
    'apiextensions.k8s.io',
    'apiregistration.k8s.io',
    'coordination.k8s.io',
    'discovery.k8s.io',
    'events.k8s.io',
    'scheduling.k8s.io',
    'node.k8s.io',
    'admissionregistration.k8s.io',
    'certificates.k8s.io',
]);
function nameRule(group, kind) {
    return RULES[`${group}/${kind}`] ?? (BUILT_IN_GROUPS.has(group) ? subdomain(253) : pathSegment);
}
/** Undefined when valid; otherwise what a valid name looks like. */
function checkObjectName(group, kind, name) {
    const rule = nameRule(group, kind);
    return rule.test(name) ? undefined : rule.describe;
}
function checkNamespaceName(name) {
    return label.test(name) ? undefined : label.describe;
}

;// CONCATENATED MODULE: ./src/plan/kind-order.ts
/**
 * Inside one phase and wave, kinds are applied in Helm's install order (the order Argo CD uses), so that
 * what a workload needs — its Namespace, ServiceAccount, ConfigMaps — exists before the workload.
 * Kinds not listed (custom resources among them) come after every listed kind.
 */
const INSTALL_ORDER = [
    'Namespace',
    'NetworkPolicy',
    'ResourceQuota',
    'LimitRange',
    'PodSecurityPolicy',
    'PodDisruptionBudget',
    'ServiceAccount',
    'Secret',
    'SecretList',
    'ConfigMap',
    'StorageClass',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'CustomResourceDefinition',
    'ClusterRole',
    'ClusterRoleList',
    'ClusterRoleBinding',
    'ClusterRoleBindingList',
    'Role',
    'RoleList',
    'RoleBinding',
    'RoleBindingList',
    'Service',
    'DaemonSet',
    'Pod',
    'ReplicationController',
    'ReplicaSet',
    'Deployment',
    'HorizontalPodAutoscaler',
    'StatefulSet',
    'Job',
    'CronJob',
    'IngressClass',
    'Ingress',
    'APIService',
];
/** Listed kinds get a negative rank in list order; every other kind ranks 0 and so sorts last. */
function kindRank(kind) {
    const i = INSTALL_ORDER.indexOf(kind);
    return i < 0 ? 0 : i - INSTALL_ORDER.length;
}

;// CONCATENATED MODULE: ./src/plan/order-tasks.ts
/**
 * The order a sync runs in (contract §2): phase, wave, kind install order, name. Then a Namespace or CRD
 * written in a later wave than something that needs it is moved just before its first dependent and takes
 * that dependent's phase and wave, so nothing is created into a namespace or kind that does not exist yet.
 */



function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareTasks(a, b) {
    return (phaseOrder(a.phase) - phaseOrder(b.phase) ||
        a.wave - b.wave ||
        kindRank(a.kind) - kindRank(b.kind) ||
        compareStrings(a.name, b.name) ||
        // Argo CD's order is undefined past the name; ours is not, so plans are reproducible.
        compareStrings(a.namespace, b.namespace) ||
        compareStrings(a.group, b.group));
}
function isNamespace(task) {
    return task.group === '' && task.kind === 'Namespace';
}
const livesInNamespace = (ns, task) => task.namespace !== '' && task.namespace === ns.name;
function isCrd(task) {
    return task.group === 'apiextensions.k8s.io' && task.kind === 'CustomResourceDefinition';
}
const isInstanceOfCrd = (crd, task) => {
    const spec = crd.object.spec;
    if (!isRecord(spec) || !isRecord(spec.names))
        return false;
    return task.group === spec.group && task.kind === spec.names.kind;
};
function moveProvidersFirst(tasks, isProvider, dependsOn) {
    for (const provider of tasks.filter(isProvider)) {
        const at = tasks.indexOf(provider);
        const first = tasks.findIndex((t) => t !== provider && dependsOn(provider, t));
        if (first < 0 || first > at)
            continue;
        const dependent = tasks[first];
        tasks.splice(at, 1);
        tasks.splice(first, 0, provider);
        if (provider.phase !== dependent.phase || provider.wave !== dependent.wave) {
            provider.movedFrom ??= { phase: provider.phase, wave: provider.wave };
            provider.phase = dependent.phase;
            provider.wave = dependent.wave;
        }
    }
}
/** Returns a new array in execution order; tasks moved ahead of their dependents are updated in place. */
function orderTasks(tasks) {
    const ordered = [...tasks].sort(compareTasks);
    moveProvidersFirst(ordered, isNamespace, livesInNamespace);
    moveProvidersFirst(ordered, isCrd, isInstanceOfCrd);
    return ordered;
}

;// CONCATENATED MODULE: ./src/plan/scope.ts
/**
 * Which kinds live outside namespaces. The plan must know this before any cluster is reachable (to default
 * namespaces and to spot duplicates); the cluster client's discovery has the last word at sync time.
 */

const CLUSTER_SCOPED = new Set([
    '/Namespace',
    '/Node',
    '/PersistentVolume',
    '/ComponentStatus',
    'storage.k8s.io/StorageClass',
    'storage.k8s.io/CSIDriver',
    'storage.k8s.io/CSINode',
    'storage.k8s.io/VolumeAttachment',
    'rbac.authorization.k8s.io/ClusterRole',
    'rbac.authorization.k8s.io/ClusterRoleBinding',
    'apiextensions.k8s.io/CustomResourceDefinition',
    'apiregistration.k8s.io/APIService',
    'networking.k8s.io/IngressClass',
    'scheduling.k8s.io/PriorityClass',
    'node.k8s.io/RuntimeClass',
    'admissionregistration.k8s.io/MutatingWebhookConfiguration',
    'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
    'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
    'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
    'policy/PodSecurityPolicy',
    'certificates.k8s.io/CertificateSigningRequest',
    'flowcontrol.apiserver.k8s.io/FlowSchema',
    'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
]);
class ScopeTable {
    clusterScoped = new Set(CLUSTER_SCOPED);
    /** Custom resources defined by CRDs in the same manifests take their scope from the CRD. */
    learnFromCrds(objects) {
        for (const obj of objects) {
            if (obj.kind !== 'CustomResourceDefinition' || !isRecord(obj.spec))
                continue;
            const { group, names, scope } = obj.spec;
            if (typeof group === 'string' &&
                isRecord(names) &&
                typeof names.kind === 'string' &&
                scope === 'Cluster') {
                this.clusterScoped.add(`${group}/${names.kind}`);
            }
        }
    }
    isClusterScoped(group, kind) {
        return this.clusterScoped.has(`${group}/${kind}`);
    }
}

;// CONCATENATED MODULE: ./src/plan/build-plan.ts












function annotationDiagnostics(manifest, object, problems) {
    return problems.map((p) => ({
        severity: p.severity,
        code: p.code,
        message: p.message,
        hint: p.hint,
        source: manifest.locate(['metadata', 'annotations', p.annotation]),
        object,
    }));
}
function withNameAndNamespace(obj, name, namespace) {
    const copy = structuredClone(obj);
    const meta = { ...(copy.metadata ?? {}) };
    meta.name = name;
    if (namespace)
        meta.namespace = namespace;
    // A generated name replaces generateName; sending both would be redundant and confusing in diffs.
    if (meta.generateName !== undefined && obj.metadata?.name === undefined)
        delete meta.generateName;
    copy.metadata = meta;
    return copy;
}
function buildPlan(manifests, options) {
    const diagnostics = [];
    const operationPhases = phasesOf(options.operation);
    const scopes = new ScopeTable();
    scopes.learnFromCrds(manifests.map((m) => m.object));
    const nsProblem = checkNamespaceName(options.namespace);
    if (nsProblem) {
        diagnostics.push({
            severity: 'error',
            code: 'invalid-namespace',
            message: `the default namespace "${options.namespace}" is not a valid namespace name: ${nsProblem}`,
        });
    }
    const tasks = [];
    /** identity → where it was first defined, to report duplicates at both places. */
    const defined = new Map();
    for (const manifest of manifests) {
        const shape = validateShape(manifest, diagnostics);
        if (!shape)
            continue;
        const object = objectRefOf(manifest);
        const annotations = stringAnnotations(manifest.object);
        const hook = classifyHook(annotations);
        diagnostics.push(...annotationDiagnostics(manifest, object, hook.problems));
        if (hook.role.role === 'skip' || hook.role.role === 'dropped')
            continue;
        const wave = parseWave(annotations);
        const policies = parseDeletePolicies(annotations);
        const syncOptions = parseSyncOptions(annotations);
        diagnostics.push(...annotationDiagnostics(manifest, object, wave.problems));
        diagnostics.push(...annotationDiagnostics(manifest, object, syncOptions.problems));
        const isHook = hook.role.role === 'hook';
        if (isHook) {
            diagnostics.push(...annotationDiagnostics(manifest, object, policies.problems));
        }
        else if (!policies.defaulted) {
            diagnostics.push({
                severity: 'warning',
                code: 'delete-policy-on-resource',
                message: 'a hook delete policy has no effect on an object that is not a hook',
                hint: 'add argocd.argoproj.io/hook, or remove the delete policy',
                source: manifest.locate(['metadata', 'annotations']),
                object,
            });
        }
        const group = groupOf(shape.apiVersion);
        const { kind } = shape;
        if (!shape.name && !(isHook && shape.generateName)) {
            diagnostics.push({
                severity: 'error',
                code: 'missing-name',
                message: shape.generateName
                    ? 'metadata.generateName is only supported on hooks; a resource needs metadata.name'
                    : 'metadata.name is missing',
                hint: isHook ? 'set metadata.name or metadata.generateName' : 'set metadata.name',
                source: manifest.locate(['metadata']),
                object,
            });
            continue;
        }
        const clusterScoped = scopes.isClusterScoped(group, kind);
        const namespace = clusterScoped ? '' : (shape.namespace ?? options.namespace);
        if (shape.namespace && !clusterScoped) {
            const problem = checkNamespaceName(shape.namespace);
            if (problem) {
                diagnostics.push({
                    severity: 'error',
                    code: 'invalid-namespace',
                    message: `metadata.namespace "${shape.namespace}" is not a valid namespace name: ${problem}`,
                    source: manifest.locate(['metadata', 'namespace']),
                    object,
                });
            }
        }
        const phases = hook.role.role === 'hook'
            ? hook.role.phases.filter((p) => operationPhases.includes(p))
            : ['Sync'];
        if (!isHook && options.operation !== 'sync')
            continue;
        const namedIdentity = shape.name ? identityKey(group, kind, namespace, shape.name) : undefined;
        if (namedIdentity) {
            const first = defined.get(namedIdentity);
            if (first) {
                diagnostics.push({
                    severity: 'error',
                    code: 'duplicate-object',
                    message: `this object is also defined at ${formatLocation(first.source)}`,
                    hint: 'keep one definition, or give them different names',
                    source: manifest.source,
                    object,
                });
                continue;
            }
            defined.set(namedIdentity, manifest);
        }
        for (const phase of phases) {
            const name = shape.name ?? generatedHookName(shape.generateName, options.revision, phase, options.startedAt);
            const nameProblem = checkObjectName(group, kind, name);
            if (nameProblem) {
                diagnostics.push({
                    severity: 'error',
                    code: 'invalid-name',
                    message: shape.name
                        ? `"${name}" is not a valid ${kind} name: ${nameProblem}`
                        : `the generated ${phase} name "${name}" is not a valid ${kind} name: ${nameProblem}`,
                    hint: shape.name
                        ? 'rename the object'
                        : 'shorten metadata.generateName, or pass a commit SHA as the revision',
                    source: manifest.locate(['metadata', shape.name ? 'name' : 'generateName']),
                    object,
                });
                break;
            }
            if (!shape.name) {
                const generatedIdentity = `${phase}:${identityKey(group, kind, namespace, name)}`;
                const first = defined.get(generatedIdentity);
                if (first) {
                    diagnostics.push({
                        severity: 'error',
                        code: 'duplicate-object',
                        message: `this hook generates the same ${phase} name "${name}" as the hook at ${formatLocation(first.source)}`,
                        hint: 'give each hook its own generateName',
                        source: manifest.locate(['metadata', 'generateName']),
                        object,
                    });
                    break;
                }
                defined.set(generatedIdentity, manifest);
            }
            tasks.push({
                phase,
                wave: wave.wave,
                apiVersion: shape.apiVersion,
                group,
                kind,
                namespace,
                name,
                hook: isHook,
                deletePolicies: isHook ? policies.policies : [],
                syncOptions: syncOptions.options,
                source: manifest.source,
                object: withNameAndNamespace(manifest.object, name, namespace),
            });
        }
    }
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    if (diagnostics.some((d) => d.severity === 'error'))
        return { diagnostics };
    return {
        plan: {
            operation: options.operation,
            revision: options.revision,
            startedAt: options.startedAt,
            namespace: options.namespace,
            tasks: orderTasks(tasks),
            warnings,
        },
        diagnostics,
    };
}

;// CONCATENATED MODULE: ./src/plan/load-plan.ts
/** Loading plus planning, the entry point both faces (CLI and action) use. */



/** Throws InvalidInputError, carrying every diagnostic, when the input is invalid. */
async function loadPlan(paths, options) {
    const loaded = await loadManifests(paths, { cwd: options.cwd });
    const diagnostics = [...loaded.diagnostics];
    if (loaded.manifests.length === 0 && !hasErrors(diagnostics)) {
        diagnostics.push({
            severity: 'error',
            code: 'no-objects',
            message: `no Kubernetes objects found in ${paths.join(', ')}`,
            hint: 'point at files or directories that contain manifests',
        });
    }
    const result = buildPlan(loaded.manifests, options);
    diagnostics.push(...result.diagnostics);
    if (!result.plan || hasErrors(diagnostics))
        throw new InvalidInputError(diagnostics);
    // Loader warnings (a skipped kustomization.yaml) belong with the plan's own.
    result.plan.warnings = diagnostics.filter((d) => d.severity === 'warning');
    return result.plan;
}

;// CONCATENATED MODULE: ./src/report/plan-report.ts
/** How a plan is shown: a human listing grouped by phase and wave, and the `--json` contract. */


function diagnosticJson(d) {
    return {
        severity: d.severity,
        code: d.code,
        message: d.message,
        ...(d.hint ? { hint: d.hint } : {}),
        ...(d.source ? { source: formatLocation(d.source) } : {}),
        ...(d.object ? { object: d.object } : {}),
    };
}
function planJson(plan) {
    return {
        tasks: plan.tasks.map((t) => ({
            phase: t.phase,
            wave: t.wave,
            group: t.group,
            kind: t.kind,
            namespace: t.namespace,
            name: t.name,
            hook: t.hook,
            deletePolicies: [...t.deletePolicies],
            source: formatLocation(t.source),
        })),
        warnings: plan.warnings.map(diagnosticJson),
    };
}
function objectColumn(t) {
    const kind = t.group ? `${t.kind}.${t.group}` : t.kind;
    return t.namespace ? `${kind} ${t.namespace}/${t.name}` : `${kind} ${t.name}`;
}
function roleColumn(t) {
    if (!t.hook)
        return t.movedFrom ? `resource (moved from ${t.movedFrom.phase} wave ${t.movedFrom.wave})` : 'resource';
    return `hook, delete: ${t.deletePolicies.join(',')}`;
}
/** Human listing: a heading per phase, a sub-heading per wave, one aligned line per task. */
function renderPlanText(plan) {
    const lines = [];
    const hooks = plan.tasks.filter((t) => t.hook).length;
    lines.push(`Plan: ${plan.operation}, revision ${revisionPrefix(plan.revision) || '(none)'}, namespace ${plan.namespace}: ` +
        `${plan.tasks.length} task${plan.tasks.length === 1 ? '' : 's'} (${hooks} hook${hooks === 1 ? '' : 's'})`);
    if (plan.tasks.length === 0)
        lines.push('', 'Nothing to do.');
    const objWidth = Math.max(0, ...plan.tasks.map((t) => objectColumn(t).length));
    const roleWidth = Math.max(0, ...plan.tasks.map((t) => roleColumn(t).length));
    let phase;
    let wave;
    for (const t of plan.tasks) {
        if (t.phase !== phase) {
            lines.push('', t.phase);
            phase = t.phase;
            wave = undefined;
        }
        if (t.wave !== wave) {
            lines.push(`  wave ${t.wave}`);
            wave = t.wave;
        }
        lines.push(`    ${objectColumn(t).padEnd(objWidth)}  ${roleColumn(t).padEnd(roleWidth)}  ${formatLocation(t.source)}`.trimEnd());
    }
    if (plan.warnings.length > 0) {
        lines.push('', `Warnings (${plan.warnings.length}):`);
        for (const w of plan.warnings)
            lines.push(`  ${formatDiagnostic(w)}`);
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/cli/revision.ts
/** The revision hook names are derived from: explicit, else the CI's commit, else the checkout's HEAD. */

function resolveRevision(explicit, env, cwd) {
    if (explicit)
        return explicit;
    if (env.GITHUB_SHA)
        return env.GITHUB_SHA;
    try {
        return (0,external_node_child_process_namespaceObject.execFileSync)('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
            .toString()
            .trim();
    }
    catch {
        return 'local';
    }
}

;// CONCATENATED MODULE: ./src/cli/commands/plan.ts
/** `hook-sync plan <paths…>`: what a sync would do, in order, before anything touches a cluster. */





const PLAN_USAGE = `Usage: hook-sync plan <paths…> [options]

Shows the order in which a sync would apply every object and run every hook.

Paths are files, directories (searched recursively for .yaml, .yml and .json) or globs.

Options:
  --revision SHA      revision the manifests come from (default: $GITHUB_SHA, else git HEAD)
  --namespace NS      namespace for objects that name none (default: default)
  --operation OP      sync (default) or delete (PreDelete and PostDelete hooks)
  --started-at UNIX   operation start in Unix seconds, used in generated hook names (default: now)
  --json              print one JSON document instead of the listing
`;
async function planCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            revision: { type: 'string' },
            namespace: { type: 'string', default: 'default' },
            operation: { type: 'string', default: 'sync' },
            'started-at': { type: 'string' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        io.stdout(PLAN_USAGE);
        return cli_io/* EXIT */.dc.ok;
    }
    if (positionals.length === 0)
        throw new cli_io/* UsageError */.eb('plan needs at least one path to manifests');
    if (values.operation !== 'sync' && values.operation !== 'delete') {
        throw new cli_io/* UsageError */.eb(`--operation must be sync or delete, not "${values.operation}"`);
    }
    let startedAt = Math.floor(Date.now() / 1000);
    if (values['started-at'] !== undefined) {
        startedAt = Number(values['started-at']);
        if (!Number.isSafeInteger(startedAt) || startedAt < 0) {
            throw new cli_io/* UsageError */.eb(`--started-at must be Unix seconds, not "${values['started-at']}"`);
        }
    }
    const plan = await loadPlan(positionals, {
        cwd: io.cwd,
        operation: values.operation,
        namespace: values.namespace,
        revision: resolveRevision(values.revision, io.env, io.cwd),
        startedAt,
    });
    io.stdout(values.json ? JSON.stringify(planJson(plan), null, 2) + '\n' : renderPlanText(plan));
    return cli_io/* EXIT */.dc.ok;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/** The `hook-sync` command: dispatches to a sub-command and maps outcomes to exit codes. */





const USAGE = `Usage: hook-sync <command> [options]

Commands:
  plan <paths…>    show what a sync would do, in order, without a cluster
  health <files…>  judge live objects (kubectl get -o yaml output) as a sync would
  cluster          run the embedded Kubernetes cluster (for the demo, tests and kubectl)

Run "hook-sync <command> --help" for a command's options.
`;
const COMMANDS = {
    plan: { run: planCommand, usage: PLAN_USAGE },
    health: { run: healthCommand, usage: HEALTH_USAGE },
    cluster: { run: (argv, io) => clusterCommand(argv, io), usage: CLUSTER_USAGE },
};
async function main(argv, io) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(USAGE);
        return name ? cli_io/* EXIT */.dc.ok : cli_io/* EXIT */.dc.invalid;
    }
    const command = COMMANDS[name];
    if (!command) {
        io.stderr(`hook-sync: unknown command "${name}"\n\n${USAGE}`);
        return cli_io/* EXIT */.dc.invalid;
    }
    try {
        return await command.run(rest, io);
    }
    catch (err) {
        if (err instanceof InvalidInputError) {
            for (const d of err.diagnostics)
                io.stderr(formatDiagnostic(d) + '\n');
            const errors = err.diagnostics.filter((d) => d.severity === 'error').length;
            io.stderr(`hook-sync: ${errors} error${errors === 1 ? '' : 's'}; nothing was applied\n`);
            return cli_io/* EXIT */.dc.invalid;
        }
        if (err instanceof cli_io/* UsageError */.eb || err.code?.startsWith('ERR_PARSE_ARGS')) {
            io.stderr(`hook-sync ${name}: ${err.message}\n\n${command.usage}`);
            return cli_io/* EXIT */.dc.invalid;
        }
        io.stderr(`hook-sync ${name}: ${err.stack ?? String(err)}\n`);
        return cli_io/* EXIT */.dc.failed;
    }
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
