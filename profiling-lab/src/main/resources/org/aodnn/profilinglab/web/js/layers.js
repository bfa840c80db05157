// Builds one catalog layer as the equivalent TF.js op in NHWC layout, with random input and weights
// (latency does not depend on their values). A built layer is { run, dispose } where run() computes the
// output once and returns it; inputs and weights live outside the timed region.

// A layer TF.js cannot run faithfully: the reason is recorded instead of a latency.
export class Unsupported extends Error {}

// The catalog's shapes are PyTorch's NCHW; TF.js works in NHWC.
export function toNhwc(shape) {
  if (shape.length === 4) {
    const [n, c, h, w] = shape;
    return [n, h, w, c];
  }
  return shape.slice();
}

const BUILDERS = {
  Conv2d: buildConv2d,
  Linear: buildLinear,
  MaxPool2d: (layer, x) => buildPool(layer, x, 'max'),
  AvgPool2d: (layer, x) => buildPool(layer, x, 'avg'),
  AdaptiveAvgPool2d: (layer, x) => buildAdaptivePool(layer, x, 'avg'),
  AdaptiveMaxPool2d: (layer, x) => buildAdaptivePool(layer, x, 'max'),
  BatchNorm2d: buildBatchNorm,
  ReLU: elementwise((x) => tf.relu(x)),
  ReLU6: elementwise((x) => tf.relu6(x)),
  Sigmoid: elementwise((x) => tf.sigmoid(x)),
  Tanh: elementwise((x) => tf.tanh(x)),
  ELU: elementwise((x) => tf.elu(x)),
  LeakyReLU: elementwise((x) => tf.leakyRelu(x, 0.01)),
  // TF.js has no single op for these: composed exactly as PyTorch defines them.
  SiLU: elementwise((x) => tf.mul(x, tf.sigmoid(x))),
  Hardsigmoid: elementwise((x) => tf.mul(tf.relu6(tf.add(x, 3)), 1 / 6)),
  Hardswish: elementwise((x) => tf.mul(x, tf.mul(tf.relu6(tf.add(x, 3)), 1 / 6))),
  GELU: elementwise((x) => tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1))),
  Softmax: elementwise((x) => tf.softmax(x)),
  Flatten: (layer) => (input) => tf.reshape(input, toNhwc(layer.outShape)),
  Dropout: () => {
    throw new Unsupported('Dropout is the identity at inference: nothing to time');
  },
};

// The elementwise layer types (see BUILDERS), warmed up together by warmUpElementwiseKernels.
const ELEMENTWISE_TYPES = ['ReLU', 'ReLU6', 'Sigmoid', 'Tanh', 'ELU', 'LeakyReLU', 'SiLU', 'Hardsigmoid',
  'Hardswish', 'GELU', 'Softmax'];

// The cpu backend runs most elementwise ops (relu, relu6, sigmoid, tanh, elu, erf, clipByValue, ...) through
// one shared JavaScript loop that calls the op per element. V8 inlines that call while the loop has only
// seen one op, which makes an op about twice as fast in a job where it is the only elementwise layer type
// (mobilenet_v2's ReLU6: 3.4 ms instead of 6.7 ms for 32x112x112) as in a page that runs whole networks,
// or several models, as the reference browser data was measured. Running every elementwise op a few times
// on a small tensor before timing puts that loop in the same state whatever the job holds.
export function warmUpElementwiseKernels(runs) {
  const x = tf.randomNormal([1, 4, 4, 8]);
  try {
    for (const type of ELEMENTWISE_TYPES) {
      const op = BUILDERS[type]();
      for (let i = 0; i < runs; i++) {
        const out = tf.tidy(() => op(x));
        out.dataSync();
        out.dispose();
      }
    }
  } finally {
    x.dispose();
  }
}

export function isSupportedType(type) {
  return Object.prototype.hasOwnProperty.call(BUILDERS, type);
}

// Returns { run, dispose, outShape } or throws Unsupported.
export function buildLayer(layer, options) {
  const builder = BUILDERS[layer.layerType];
  if (!builder) {
    throw new Unsupported(`layer type ${layer.layerType} has no TF.js equivalent in this page`);
  }
  const inShape = toNhwc(layer.inShape);
  const expected = toNhwc(layer.outShape);
  const x = tf.randomNormal(inShape);
  const owned = [x];
  let op;
  try {
    op = builder(layer, x, owned, options);
  } catch (e) {
    tf.dispose(owned);
    throw e;
  }
  const run = () => tf.tidy(() => op(x));
  const dispose = () => tf.dispose(owned);
  // One untimed run checks the output shape before anything is measured.
  let out;
  try {
    out = run();
  } catch (e) {
    dispose();
    throw new Unsupported(`TF.js failed to run ${layer.layerType}: ${e.message}`);
  }
  const shape = out.shape.slice();
  out.dispose();
  if (!sameShape(shape, expected)) {
    dispose();
    throw new Unsupported(`output shape ${shape.join('x')} differs from the catalog's ${expected.join('x')} (NHWC)`);
  }
  return { run, dispose, outShape: shape };
}

function sameShape(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function elementwise(fn) {
  return () => fn;
}

function weightCount(layer, perGroupIn) {
  return layer.kernelH * layer.kernelW * perGroupIn * layer.outChannels;
}

// PyTorch counts the bias in params: a layer with exactly outChannels extra parameters has one.
function hasBias(layer, weights) {
  return layer.params === weights + layer.outChannels;
}

function buildConv2d(layer, x, owned, options) {
  const { inChannels: cin, outChannels: cout, groups: g, kernelH: kh, kernelW: kw } = layer;
  const stride = Math.max(1, layer.stride);
  const pad = layer.padding;
  if (g < 1 || cin % g !== 0 || cout % g !== 0) {
    throw new Unsupported(`inconsistent grouping: ${cin} -> ${cout} channels in ${g} groups`);
  }
  const perGroupIn = cin / g;
  const bias = hasBias(layer, weightCount(layer, perGroupIn)) ? tf.randomNormal([cout]) : null;
  if (bias) {
    owned.push(bias);
  }
  if (g === 1) {
    const filter = tf.randomNormal([kh, kw, cin, cout]);
    owned.push(filter);
    return (input) => tf.fused.conv2d({ x: input, filter, strides: stride, pad, bias });
  }
  if (g === cin) {
    // Depthwise (channel multiplier cout / cin, usually 1).
    const filter = tf.randomNormal([kh, kw, cin, cout / cin]);
    owned.push(filter);
    return (input) => tf.fused.depthwiseConv2d({ x: input, filter, strides: stride, pad, bias });
  }
  // Grouped convolution: TF.js has no op for it.
  if (options.groupedConv !== 'split') {
    throw new Unsupported(`grouped convolution (groups=${g}) has no TF.js op; skipped by the job's settings`);
  }
  const perGroupOut = cout / g;
  const filters = [];
  for (let i = 0; i < g; i++) {
    filters.push(tf.randomNormal([kh, kw, perGroupIn, perGroupOut]));
  }
  owned.push(...filters);
  return (input) => {
    const parts = tf.split(input, g, 3);
    const outs = parts.map((part, i) => tf.conv2d(part, filters[i], stride, pad));
    const joined = tf.concat(outs, 3);
    return bias ? tf.add(joined, bias) : joined;
  };
}

function buildLinear(layer, x, owned) {
  const inFeatures = layer.inShape[layer.inShape.length - 1];
  if (layer.inShape.length !== 2 || inFeatures !== layer.inChannels) {
    throw new Unsupported(`Linear expects a 2-D input of ${layer.inChannels} features, got ${layer.inShape.join('x')}`);
  }
  const weights = layer.inChannels * layer.outChannels;
  const b = tf.randomNormal([layer.inChannels, layer.outChannels]);
  owned.push(b);
  const bias = layer.params === weights + layer.outChannels ? tf.randomNormal([layer.outChannels]) : null;
  if (bias) {
    owned.push(bias);
  }
  return (input) => tf.fused.matMul({ a: input, b, bias });
}

// PyTorch pads pools symmetrically and may round the output size up (ceil_mode); TF.js takes a number
// padding with a rounding mode. The first variant that yields the catalog's output shape is used.
function buildPool(layer, x, kind) {
  const filter = [layer.kernelH, layer.kernelW];
  const stride = Math.max(1, layer.stride);
  const expected = toNhwc(layer.outShape);
  const pool = kind === 'max' ? tf.maxPool : tf.avgPool;
  const variants = [
    [layer.padding, 'floor'],
    [layer.padding, 'ceil'],
    ['same', undefined],
    ['valid', undefined],
  ];
  for (const [pad, rounding] of variants) {
    let shape;
    try {
      shape = tf.tidy(() => pool(x, filter, stride, pad, rounding).shape);
    } catch (e) {
      continue;
    }
    if (sameShape(shape, expected)) {
      return (input) => pool(input, filter, stride, pad, rounding);
    }
  }
  throw new Unsupported(`no TF.js ${kind} pooling reproduces ${layer.outShape.join('x')} from ${layer.inShape.join('x')}`);
}

function buildAdaptivePool(layer, x, kind) {
  const [, h, w] = toNhwc(layer.inShape);
  const [, oh, ow] = toNhwc(layer.outShape);
  if (oh === 1 && ow === 1) {
    return kind === 'max' ? (input) => tf.max(input, [1, 2], true) : (input) => tf.mean(input, [1, 2], true);
  }
  if (h % oh !== 0 || w % ow !== 0) {
    throw new Unsupported(`adaptive pooling ${h}x${w} -> ${oh}x${ow} has uneven windows; no TF.js op`);
  }
  const filter = [h / oh, w / ow];
  const pool = kind === 'max' ? tf.maxPool : tf.avgPool;
  return (input) => pool(input, filter, filter, 'valid');
}

function buildBatchNorm(layer, x, owned) {
  const c = layer.inChannels;
  const mean = tf.randomNormal([c]);
  const variance = tf.randomUniform([c], 0.5, 1.5);
  const offset = tf.randomNormal([c]);
  const scale = tf.randomNormal([c]);
  owned.push(mean, variance, offset, scale);
  return (input) => tf.batchNorm(input, mean, variance, offset, scale, 1e-5);
}
