/**
 * Generates a realistic synthetic Obsidian vault for benchmarks and tests.
 *
 *   node scripts/generate-vault.ts --notes 1000 --out /tmp/vault [--seed quire] [--no-catalog] [--force]
 *
 * Deterministic: the only source of randomness is a seeded PRNG, so the same
 * arguments always give byte-identical files. Notes are about 2 KB each, in
 * nested folders, with YAML properties (tags, aliases), H2/H3 headings,
 * paragraphs and lists, wiki-links of every form Quire reads (plain,
 * `#Heading`, `|alias`, folder paths, `#^block`, about 3% to notes that do
 * not exist), inline tags, AWS services named in text and linked
 * (`[[Amazon S3]]`, `[[Amazon SageMaker#Studio]]`), a few `![[embeds]]`,
 * a few private notes and a few "books" of 5–12 `# Chapter N: Title` chapters.
 * A `services.yaml` catalog is written too, unless `--no-catalog`.
 *
 * Erasable TypeScript only (Node runs this file with type stripping).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCommunityVault } from './generate-community-vault.ts';

// ---------------------------------------------------------------------------
// Seeded PRNG: a string seed hashed by cyrb128, then sfc32.

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

// ---------------------------------------------------------------------------
// Vocabulary.

const TOP_FOLDERS = ['Topic Notes', 'Projects', 'Reading', 'Reference', 'Meetings', 'Areas'];
const FOLDER_NAMES = [
  'MLOps', 'Data Engineering', 'Feature Stores', 'Model Monitoring', 'Streaming', 'Security', 'Networking', 'Cost',
  'Statistics', 'Deep Learning', 'NLP', 'Computer Vision', 'Experiments', 'Pipelines', 'Storage', 'Analytics',
  'Governance', 'Serving', 'Data Flows', 'Training', 'Evaluation', 'Infrastructure', 'Observability', 'Platform',
  'Recommenders', 'Forecasting', 'Search', 'Labeling', 'Privacy', 'Architecture', 'Databases', 'Tooling',
];
const ADJECTIVES = [
  'Incremental', 'Streaming', 'Batch', 'Online', 'Offline', 'Distributed', 'Federated', 'Automated', 'Managed',
  'Serverless', 'Scalable', 'Secure', 'Cost-Aware', 'Real-Time', 'Multi-Account', 'Cross-Region', 'Versioned',
  'Reproducible', 'Explainable', 'Robust', 'Lightweight', 'Hybrid', 'Event-Driven', 'Containerized', 'Elastic',
  'Sparse', 'Approximate', 'Adaptive', 'Hierarchical', 'Probabilistic', 'Causal', 'Bayesian', 'Interactive',
  'Continuous', 'Declarative', 'Immutable', 'Partitioned', 'Columnar', 'Shared', 'Regional',
];
const NOUNS = [
  'Feature Engineering', 'Data Validation', 'Model Registry', 'Hyperparameter Tuning', 'Drift Detection', 'Model Serving',
  'Data Lakes', 'Feature Stores', 'Label Quality', 'Bias Detection', 'Canary Deployments', 'Shadow Deployments',
  'Batch Inference', 'Embeddings', 'Vector Search', 'Data Catalogs', 'Schema Evolution', 'Partition Pruning',
  'Query Optimization', 'Cost Allocation', 'Access Control', 'Encryption at Rest', 'Key Rotation', 'Log Aggregation',
  'Metrics Pipelines', 'Alerting', 'Autoscaling', 'Spot Training', 'Checkpointing', 'Distributed Training',
  'Gradient Boosting', 'Transformers', 'Tokenization', 'Text Classification', 'Image Segmentation', 'Anomaly Detection',
  'Time Series Forecasting', 'Recommendation Systems', 'Data Lineage', 'Experiment Tracking', 'Notebook Workflows',
  'CI Pipelines', 'Infrastructure as Code', 'Data Contracts', 'Change Data Capture', 'Stream Processing',
  'Windowed Aggregations', 'Data Quality Checks', 'Sampling Strategies', 'Cross-Validation', 'Model Cards',
  'Fairness Metrics', 'Human Review Loops', 'Active Learning', 'Synthetic Data', 'Data Retention', 'Backups',
  'Disaster Recovery', 'Latency Budgets', 'Caching', 'Feature Backfills', 'Model Compression', 'Prompt Engineering',
];
const SUFFIXES = [
  'Basics', 'Patterns', 'Pitfalls', 'Checklist', 'in Practice', 'Trade-offs', 'Cheat Sheet', 'Deep Dive', 'Overview',
  'FAQ', 'Lessons Learned', 'Design Notes', 'Benchmarks', 'Runbook', 'Glossary', 'Examples', 'Internals', 'at Scale',
  'for Beginners', 'Case Study',
];
const MISSING_WORDS = ['Someday', 'Draft', 'Unwritten', 'Future', 'Pending', 'Planned', 'Sketch of', 'Ideas on'];
const H2_HEADINGS = [
  'Key Ideas', 'How It Works', 'When to Use It', 'Trade-offs', 'Pitfalls', 'Examples', 'Implementation Notes',
  'Open Questions', 'Metrics', 'Costs', 'Security Considerations', 'Related', 'Background', 'Setup', 'Results',
  'Design', 'Operations', 'Troubleshooting', 'Summary', 'Motivation',
];
const H3_HEADINGS = [
  'Configuration', 'Example', 'Gotchas', 'Step by Step', 'Defaults', 'Limits', 'Alternatives', 'Checklist',
  'Failure Modes', 'Tuning', 'Monitoring', 'Testing',
];
const TAGS = [
  'mlops', 'data-engineering', 'aws', 'aws/storage', 'aws/compute', 'aws/ml', 'aws/analytics', 'ml/training',
  'ml/serving', 'ml/evaluation', 'ml/features', 'security', 'cost', 'todo', 'idea', 'review', 'reference',
  'status/draft', 'status/done', 'status/stale', 'streaming', 'statistics', 'nlp', 'vision', 'architecture',
  'observability', 'privacy', 'governance', 'performance', 'howto', 'meeting', 'reading/book', 'reading/paper',
];
const CONCEPTS = [
  'the training data', 'the feature pipeline', 'the model endpoint', 'batch jobs', 'the data lake', 'schema changes',
  'late-arriving events', 'the evaluation set', 'label noise', 'cold starts', 'the inference path', 'access policies',
  'cross-account roles', 'the retraining schedule', 'data skew', 'model drift', 'the cost report', 'partition keys',
  'the metadata store', 'the experiment log', 'canary traffic', 'the holdout set', 'the offline store', 'GPU quotas',
];
const VERBS = [
  'validate', 'partition', 'monitor', 'version', 'cache', 'encrypt', 'replay', 'profile', 'backfill', 'audit',
  'compress', 'shard', 'retrain', 'deploy', 'roll back', 'benchmark', 'tag', 'catalog', 'sample', 'deduplicate',
];
const FILLER = [
  'In practice the hard part is rarely the algorithm; it is keeping the inputs honest over time.',
  'Most teams start with a manual process and automate it once the steps stop changing every week.',
  'It is worth writing down the assumptions, because they tend to break quietly.',
  'The defaults are reasonable for small workloads but need revisiting once traffic grows.',
  'A small amount of upfront design here saves a lot of rework later.',
  'Measure before optimizing: the bottleneck is usually somewhere unexpected.',
  'Keep the configuration in version control next to the code that reads it.',
  'Alerts should point at a runbook, otherwise they train people to ignore them.',
  'The trade-off is between freshness and cost, and the right answer depends on how the output is used.',
  'Reproducibility matters most when something goes wrong in production at an inconvenient time.',
  'Nothing here is specific to one cloud, although the managed services make it cheaper to get started.',
  'Small, frequent changes are easier to review and to roll back than large ones.',
];
const LIST_ITEMS = [
  'Start with a baseline and record it', 'Automate the boring parts first', 'Track every input version',
  'Fail loudly on schema changes', 'Budget for retries', 'Prefer idempotent steps', 'Document the owner of each job',
  'Use separate accounts for experiments and production', 'Keep raw data immutable', 'Review access every quarter',
  'Sample before running on everything', 'Compare against the previous model, not just a fixed threshold',
  'Tag resources for cost allocation', 'Set alarms on both errors and latency', 'Delete what you do not use',
];
const BOOK_TITLES = [
  'Designing Data Pipelines', 'Practical MLOps', 'Machine Learning Design Patterns', 'Streaming Systems Explained',
  'The Feature Store Handbook', 'Reliable Machine Learning', 'Data Mesh in Practice', 'Building ML Platforms',
  'Cloud Cost Engineering', 'Applied Statistics for Engineers', 'Deep Learning at Scale', 'Search Relevance in Practice',
];
const AUTHORS = ['JaneDoe', 'AlexKim', 'SamRivera', 'PriyaShah', 'ChrisFregly', 'AntjeBarth', 'LiWei', 'MariaGarcia'];

type Category =
  | 'Analytics' | 'Application Integration' | 'Compute' | 'Database' | 'Developer Tools' | 'Machine Learning'
  | 'Management & Governance' | 'Networking' | 'Security' | 'Storage';

interface ServiceSpec {
  name: string;
  aliases: string[];
  category: Category;
  summary: string;
  docs: string;
  /** Sub-features links name as headings: `[[Amazon SageMaker#Studio]]`. */
  features: string[];
  /** How often notes bring it up, relative to the others. */
  weight: number;
}

const SERVICES: ServiceSpec[] = [
  { name: 'Amazon S3', aliases: ['S3', 'Simple Storage Service'], category: 'Storage', summary: 'Object storage with high durability for any amount of data.', docs: 'https://docs.aws.amazon.com/s3/', features: ['Lifecycle Policies', 'Versioning', 'Storage Classes', 'Event Notifications'], weight: 10 },
  { name: 'Amazon SageMaker', aliases: ['SageMaker'], category: 'Machine Learning', summary: 'A managed service to build, train, tune, deploy and monitor machine learning models.', docs: 'https://docs.aws.amazon.com/sagemaker/', features: ['Studio', 'Pipelines', 'Processing Jobs', 'Endpoints', 'Model Monitor', 'Feature Store'], weight: 10 },
  { name: 'AWS Glue', aliases: ['Glue'], category: 'Analytics', summary: 'A serverless data integration service for discovering, preparing and combining data.', docs: 'https://docs.aws.amazon.com/glue/', features: ['Data Catalog', 'Crawlers', 'Jobs', 'DataBrew'], weight: 6 },
  { name: 'Amazon Athena', aliases: ['Athena'], category: 'Analytics', summary: 'An interactive query service to analyze data in Amazon S3 with SQL.', docs: 'https://docs.aws.amazon.com/athena/', features: ['Workgroups', 'Federated Queries', 'Partition Projection'], weight: 6 },
  { name: 'Amazon Redshift', aliases: ['Redshift'], category: 'Analytics', summary: 'A managed, petabyte-scale data warehouse.', docs: 'https://docs.aws.amazon.com/redshift/', features: ['Spectrum', 'Concurrency Scaling', 'Materialized Views'], weight: 4 },
  { name: 'Amazon Kinesis', aliases: ['Kinesis'], category: 'Analytics', summary: 'Collects, processes and analyzes real-time streaming data.', docs: 'https://docs.aws.amazon.com/kinesis/', features: ['Data Streams', 'Data Firehose', 'Shards'], weight: 4 },
  { name: 'Amazon EMR', aliases: ['EMR', 'Elastic MapReduce'], category: 'Analytics', summary: 'A managed cluster platform for big data frameworks such as Apache Spark.', docs: 'https://docs.aws.amazon.com/emr/', features: ['EMR Serverless', 'Instance Fleets'], weight: 3 },
  { name: 'AWS Lambda', aliases: ['Lambda'], category: 'Compute', summary: 'Runs code without provisioning or managing servers.', docs: 'https://docs.aws.amazon.com/lambda/', features: ['Layers', 'Concurrency', 'Event Source Mappings'], weight: 6 },
  { name: 'Amazon EC2', aliases: ['EC2', 'Elastic Compute Cloud'], category: 'Compute', summary: 'Resizable virtual servers in the cloud.', docs: 'https://docs.aws.amazon.com/ec2/', features: ['Spot Instances', 'Instance Types', 'Auto Scaling Groups'], weight: 5 },
  { name: 'AWS Batch', aliases: [], category: 'Compute', summary: 'Runs batch computing jobs at any scale.', docs: 'https://docs.aws.amazon.com/batch/', features: ['Job Queues', 'Compute Environments'], weight: 2 },
  { name: 'Amazon DynamoDB', aliases: ['DynamoDB'], category: 'Database', summary: 'A serverless key-value and document database.', docs: 'https://docs.aws.amazon.com/dynamodb/', features: ['Streams', 'Global Tables', 'On-Demand Capacity'], weight: 4 },
  { name: 'Amazon RDS', aliases: ['RDS', 'Relational Database Service'], category: 'Database', summary: 'Managed relational databases in the cloud.', docs: 'https://docs.aws.amazon.com/rds/', features: ['Read Replicas', 'Multi-AZ', 'Snapshots'], weight: 3 },
  { name: 'AWS Step Functions', aliases: ['Step Functions'], category: 'Application Integration', summary: 'Coordinates AWS services into workflows defined as state machines.', docs: 'https://docs.aws.amazon.com/step-functions/', features: ['Express Workflows', 'Map State'], weight: 3 },
  { name: 'Amazon SQS', aliases: ['SQS', 'Simple Queue Service'], category: 'Application Integration', summary: 'A managed message queue for decoupling services.', docs: 'https://docs.aws.amazon.com/sqs/', features: ['FIFO Queues', 'Dead-Letter Queues'], weight: 3 },
  { name: 'Amazon EventBridge', aliases: ['EventBridge'], category: 'Application Integration', summary: 'A serverless event bus that connects applications with events.', docs: 'https://docs.aws.amazon.com/eventbridge/', features: ['Rules', 'Scheduler', 'Pipes'], weight: 2 },
  { name: 'AWS IAM', aliases: ['IAM', 'Identity and Access Management'], category: 'Security', summary: 'Controls who can access which AWS resources.', docs: 'https://docs.aws.amazon.com/iam/', features: ['Roles', 'Policies', 'Access Analyzer'], weight: 6 },
  { name: 'AWS KMS', aliases: ['KMS', 'Key Management Service'], category: 'Security', summary: 'Creates and controls the keys used to encrypt data.', docs: 'https://docs.aws.amazon.com/kms/', features: ['Key Policies', 'Key Rotation'], weight: 3 },
  { name: 'Amazon CloudWatch', aliases: ['CloudWatch'], category: 'Management & Governance', summary: 'Monitoring and observability for AWS resources and applications.', docs: 'https://docs.aws.amazon.com/cloudwatch/', features: ['Alarms', 'Logs Insights', 'Dashboards'], weight: 5 },
  { name: 'AWS CloudFormation', aliases: ['CloudFormation'], category: 'Management & Governance', summary: 'Models and provisions AWS resources as code.', docs: 'https://docs.aws.amazon.com/cloudformation/', features: ['StackSets', 'Change Sets'], weight: 2 },
  { name: 'Amazon VPC', aliases: ['VPC', 'Virtual Private Cloud'], category: 'Networking', summary: 'A logically isolated virtual network.', docs: 'https://docs.aws.amazon.com/vpc/', features: ['Endpoints', 'Security Groups', 'Subnets'], weight: 3 },
  { name: 'AWS CodePipeline', aliases: ['CodePipeline'], category: 'Developer Tools', summary: 'A managed continuous delivery service.', docs: 'https://docs.aws.amazon.com/codepipeline/', features: ['Stages', 'Approvals'], weight: 2 },
  { name: 'Amazon Bedrock', aliases: ['Bedrock'], category: 'Machine Learning', summary: 'A managed service to build generative AI applications with foundation models.', docs: 'https://docs.aws.amazon.com/bedrock/', features: ['Knowledge Bases', 'Guardrails', 'Agents'], weight: 4 },
  { name: 'Amazon Comprehend', aliases: ['Comprehend'], category: 'Machine Learning', summary: 'Natural language processing to find insights in text.', docs: 'https://docs.aws.amazon.com/comprehend/', features: ['Custom Classification', 'Entity Recognition'], weight: 2 },
  { name: 'Amazon Rekognition', aliases: ['Rekognition'], category: 'Machine Learning', summary: 'Image and video analysis with machine learning.', docs: 'https://docs.aws.amazon.com/rekognition/', features: ['Custom Labels', 'Face Detection'], weight: 2 },
];

// ---------------------------------------------------------------------------
// The plan: every note's place, title, headings and properties, decided before any body is written,
// so that links can name real headings, aliases and block ids of the notes they point at.

interface PlannedHeading {
  depth: 2 | 3;
  text: string;
}

interface Chapter {
  number: number;
  title: string;
  sections: string[];
}

interface NotePlan {
  index: number;
  kind: 'note' | 'book' | 'service' | 'overview';
  folder: string;
  title: string;
  /** Vault path without `.md`. */
  stem: string;
  headings: PlannedHeading[];
  chapters: Chapter[];
  aliases: string[];
  tags: string[];
  blocks: string[];
  service?: ServiceSpec;
  private: boolean;
  /** Shares its name with another note: links should give the folder. */
  duplicateName: boolean;
}

export interface GenerateOptions {
  notes: number;
  seed?: string;
  /** Write a `services.yaml` catalog. Default true. */
  catalog?: boolean;
}

/** The vault as files: vault path → content. Paths are in a stable order. */
export type GeneratedVault = Map<string, string>;

function initials(title: string): string {
  return title
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

function buildFolders(rng: Rng, notes: number): string[] {
  const leafTarget = Math.max(3, Math.round(notes / 25));
  const tops = TOP_FOLDERS.slice(0, Math.min(TOP_FOLDERS.length, Math.max(2, Math.ceil(Math.sqrt(leafTarget)))));
  const folders: string[] = [...tops];
  const children = new Map<string, Set<string>>();
  let attempts = 0;
  while (folders.length < leafTarget + tops.length && attempts < leafTarget * 20) {
    attempts++;
    const parent = rng.pick(folders);
    if (parent.split('/').length >= 4) continue;
    const used = children.get(parent) ?? new Set<string>();
    let name = rng.pick(FOLDER_NAMES.filter((n) => n !== path.basename(parent)));
    if (used.has(name)) name = `${name} ${used.size + 1}`;
    if (used.has(name)) continue;
    used.add(name);
    children.set(parent, used);
    folders.push(`${parent}/${name}`);
  }
  return folders;
}

function plan(rng: Rng, count: number, withCatalog: boolean): NotePlan[] {
  const folders = buildFolders(rng, count);
  const tops = folders.filter((f) => !f.includes('/'));
  const takenTitles = new Set<string>();
  // A note aliased like a service (`EMR`) would become that service's hub.
  const takenAliases = new Set<string>(SERVICES.flatMap((s) => [s.name, ...s.aliases].map((n) => n.toLowerCase())));
  const plans: NotePlan[] = [];
  const headingsFor = (): PlannedHeading[] => {
    const headings: PlannedHeading[] = [];
    const h3s = rng.sample(H3_HEADINGS, 3);
    for (const h2 of rng.sample(H2_HEADINGS, rng.int(2, 3))) {
      headings.push({ depth: 2, text: h2 });
      if (rng.chance(0.35)) headings.push({ depth: 3, text: h3s.pop()! });
    }
    return headings;
  };
  const tagsFor = () => (rng.chance(0.7) ? rng.sample(TAGS, rng.int(1, 4)) : []);
  const uniqueTitle = (make: () => string): string => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const title = make();
      if (!takenTitles.has(title.toLowerCase())) {
        takenTitles.add(title.toLowerCase());
        return title;
      }
    }
    let n = 2;
    const base = make();
    while (takenTitles.has(`${base} ${n}`.toLowerCase())) n++;
    takenTitles.add(`${base} ${n}`.toLowerCase());
    return `${base} ${n}`;
  };
  const add = (p: Omit<NotePlan, 'index' | 'stem' | 'private' | 'duplicateName'> & { private?: boolean; duplicateName?: boolean }) => {
    plans.push({ ...p, index: plans.length, stem: p.folder ? `${p.folder}/${p.title}` : p.title, private: p.private ?? false, duplicateName: p.duplicateName ?? false });
  };

  // Notes on services: they become the services' hubs.
  const serviceNotes = withCatalog ? Math.min(Math.max(1, Math.floor(count / 20)), 8) : 0;
  for (const service of SERVICES.slice(0, serviceNotes)) {
    takenTitles.add(service.name.toLowerCase());
    add({
      kind: 'service',
      folder: 'AWS',
      title: service.name,
      headings: service.features.map((text) => ({ depth: 2, text })),
      chapters: [],
      aliases: [],
      tags: ['aws', ...rng.sample(TAGS.filter((t) => t.startsWith('aws/')), 1)],
      blocks: [],
      service,
    });
  }
  // An "Overview" in each top folder: the same name in several folders.
  if (count >= 50) {
    for (const top of tops) {
      add({ kind: 'overview', folder: top, title: 'Overview', headings: headingsFor(), chapters: [], aliases: [], tags: ['reference'], blocks: [], duplicateName: tops.length > 1 });
    }
  }
  // Books: a few long notes split into chapters.
  const books = Math.max(1, Math.floor(count / 200));
  for (let b = 0; b < books && plans.length < count; b++) {
    const title = uniqueTitle(() => (b < BOOK_TITLES.length ? BOOK_TITLES[b]! : `${rng.pick(BOOK_TITLES)} Volume ${b}`));
    const chapters: Chapter[] = [];
    const chapterTitles = rng.sample(NOUNS, rng.int(5, 12));
    chapterTitles.forEach((noun, i) => chapters.push({ number: i + 1, title: noun, sections: rng.sample(H2_HEADINGS, rng.int(2, 3)) }));
    add({ kind: 'book', folder: 'Reading', title, headings: [], chapters, aliases: rng.chance(0.5) ? [initials(title)] : [], tags: ['reading/book'], blocks: [] });
  }
  // Ordinary notes for the rest.
  while (plans.length < count) {
    const title = uniqueTitle(() => {
      const form = rng.next();
      if (form < 0.35) return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
      if (form < 0.7) return `${rng.pick(NOUNS)} ${rng.pick(SUFFIXES)}`;
      return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} ${rng.pick(SUFFIXES)}`;
    });
    const aliases: string[] = [];
    if (rng.chance(0.25)) {
      const candidates = [initials(title), title.toLowerCase().replace(/^(\S+) /, '')];
      const alias = rng.pick(candidates);
      if (alias.length >= 3 && !takenAliases.has(alias.toLowerCase()) && !takenTitles.has(alias.toLowerCase())) {
        takenAliases.add(alias.toLowerCase());
        aliases.push(alias);
      }
    }
    const headings = headingsFor();
    const blocks = rng.chance(0.1) ? [`b${plans.length.toString(36)}x${rng.int(100, 999)}`] : [];
    add({ kind: 'note', folder: rng.pick(folders), title, headings, chapters: [], aliases, tags: tagsFor(), blocks, private: rng.chance(0.01) });
  }
  return plans;
}

// ---------------------------------------------------------------------------
// Writing notes.

class NoteWriter {
  private readonly rng: Rng;
  private readonly plans: NotePlan[];
  /** Note indexes from most to least linked-to: links favour a few popular notes, as in real vaults. */
  private readonly popularity: number[];
  private readonly missing: string[];
  private readonly services: ServiceSpec[];
  private readonly serviceWeights: number[];
  private readonly withCatalog: boolean;

  constructor(rng: Rng, plans: NotePlan[], withCatalog: boolean) {
    this.rng = rng;
    this.plans = plans;
    this.withCatalog = withCatalog;
    this.popularity = rng.shuffle(plans.map((p) => p.index));
    const titles = new Set(plans.flatMap((p) => [p.title.toLowerCase(), ...p.aliases.map((a) => a.toLowerCase())]));
    const missing = new Set<string>();
    const wanted = Math.max(5, Math.round(plans.length * 0.015));
    for (let i = 0; missing.size < wanted && i < wanted * 20; i++) {
      const name = `${rng.pick(MISSING_WORDS)} ${rng.pick(NOUNS)}`;
      if (!titles.has(name.toLowerCase())) missing.add(name);
    }
    this.missing = [...missing];
    this.services = SERVICES;
    this.serviceWeights = SERVICES.map((s) => s.weight);
  }

  private pickService(): ServiceSpec {
    const total = this.serviceWeights.reduce((a, b) => a + b, 0);
    let r = this.rng.next() * total;
    for (let i = 0; i < this.services.length; i++) {
      r -= this.serviceWeights[i]!;
      if (r < 0) return this.services[i]!;
    }
    return this.services[this.services.length - 1]!;
  }

  /** A note other than `from`, skewed towards popular ones. */
  private pickNote(from: number): NotePlan {
    for (;;) {
      const rank = Math.floor(this.plans.length * this.rng.next() ** 2.2);
      const target = this.plans[this.popularity[rank]!]!;
      if (target.index !== from) return target;
      if (this.plans.length === 1) return target;
    }
  }

  /** How a link names a note: by path when its name is shared, else usually by name. */
  private nameOf(target: NotePlan): string {
    if (target.duplicateName) return this.rng.chance(0.9) ? target.stem : target.title;
    return this.rng.chance(0.08) && target.folder ? target.stem : target.title;
  }

  private headingsOf(target: NotePlan): string[] {
    if (target.kind === 'book') return target.chapters.map((c) => `Chapter ${c.number} ${c.title}`);
    return target.headings.map((h) => h.text);
  }

  /** One wiki-link to another note (3% to a note that does not exist). */
  link(from: number): string {
    const rng = this.rng;
    if (rng.chance(0.03)) {
      const name = rng.pick(this.missing);
      return rng.chance(0.2) ? `[[${name}|${name.toLowerCase()}]]` : `[[${name}]]`;
    }
    const target = this.pickNote(from);
    const name = this.nameOf(target);
    const form = rng.next();
    const headings = this.headingsOf(target);
    if (form < 0.15 && headings.length) return `[[${name}#${rng.pick(headings)}]]`;
    if (form < 0.2 && headings.length) return `[[${name}#${rng.pick(headings)}|${rng.pick(CONCEPTS)}]]`;
    if (form < 0.32) return `[[${name}|${target.title.toLowerCase()}]]`;
    if (form < 0.37 && target.aliases.length) return `[[${rng.pick(target.aliases)}]]`;
    if (form < 0.39 && target.blocks.length) return `[[${name}#^${rng.pick(target.blocks)}]]`;
    return `[[${name}]]`;
  }

  /** A wiki-link to a service: `[[Amazon S3]]`, `[[Amazon SageMaker#Studio]]`, `[[S3|object storage]]`. */
  serviceLink(): string {
    const rng = this.rng;
    const service = this.pickService();
    const form = rng.next();
    if (form < 0.35) return `[[${service.name}#${rng.pick(service.features)}]]`;
    if (form < 0.45 && service.aliases.length) return `[[${rng.pick(service.aliases)}]]`;
    if (form < 0.5) return `[[${service.name}|${service.name.replace(/^(Amazon|AWS) /, '')}]]`;
    return `[[${service.name}]]`;
  }

  /** A service named in plain text, by its name or an alias. */
  serviceName(): string {
    const service = this.pickService();
    return this.rng.chance(0.6) || !service.aliases.length ? service.name : this.rng.pick(service.aliases);
  }

  sentence(from: number, linkChance: number): string {
    const rng = this.rng;
    const link = () => (rng.chance(0.25) && this.withCatalog ? this.serviceLink() : this.link(from));
    const maybeLink = () => (rng.chance(linkChance) ? ` See ${link()}.` : '');
    const tag = () => (rng.chance(0.08) ? ` #${rng.pick(TAGS)}` : '');
    const templates = [
      () => `We ${rng.pick(VERBS)} ${rng.pick(CONCEPTS)} with ${this.serviceName()} before anything reaches production.`,
      () => `${rng.pick(FILLER)}`,
      () => `${rng.pick(FILLER)}${maybeLink()}`,
      () => `This builds on ${link()}, which explains why ${rng.pick(CONCEPTS)} matter so much.`,
      () => `Compare this with ${link()}: the difference is mostly in how ${rng.pick(CONCEPTS)} are handled.`,
      () => `A common mistake is to ${rng.pick(VERBS)} ${rng.pick(CONCEPTS)} by hand instead of letting ${this.serviceName()} do it.`,
      () => `When ${rng.pick(CONCEPTS)} grow, it pays to ${rng.pick(VERBS)} them and keep an eye on ${rng.pick(CONCEPTS)}.${tag()}`,
      () => `${this.serviceName()} and ${this.serviceName()} work well together for this, as long as ${rng.pick(CONCEPTS)} stay small.`,
      () => `The team decided to ${rng.pick(VERBS)} ${rng.pick(CONCEPTS)} every night, following ${link()}.`,
      () => `Costs mostly come from ${rng.pick(CONCEPTS)}; ${rng.pick(FILLER).toLowerCase()}`,
    ];
    return rng.pick(templates)();
  }

  paragraph(from: number, sentences: number, linkChance = 0.35): string {
    const parts: string[] = [];
    for (let i = 0; i < sentences; i++) parts.push(this.sentence(from, linkChance));
    return parts.join(' ');
  }

  list(from: number): string {
    const rng = this.rng;
    const ordered = rng.chance(0.3);
    const items = rng.sample(LIST_ITEMS, rng.int(3, 5)).map((item, i) => {
      const marker = ordered ? `${i + 1}.` : '-';
      const withLink = rng.chance(0.3) ? `${item}; see ${this.link(from)}` : rng.chance(0.15) && this.withCatalog ? `${item} with ${this.serviceLink()}` : item;
      const line = `${marker} ${withLink}`;
      return !ordered && rng.chance(0.15) ? `${line}\n\t- ${rng.pick(FILLER)}` : line;
    });
    return items.join('\n');
  }

  frontmatter(p: NotePlan): string {
    const rng = this.rng;
    const lines: string[] = [];
    if (p.tags.length) {
      if (rng.chance(0.5)) lines.push('tags:', ...p.tags.map((t) => `  - ${t}`));
      else lines.push(`tags: [${p.tags.join(', ')}]`);
    }
    if (p.aliases.length) lines.push('aliases:', ...p.aliases.map((a) => `  - ${JSON.stringify(a)}`));
    if (p.private) lines.push('publish: false');
    if (rng.chance(0.4)) lines.push(`created: 20${rng.int(19, 25)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`);
    if (rng.chance(0.15)) lines.push(`status: ${rng.pick(['draft', 'in progress', 'done'])}`);
    return lines.length ? `---\n${lines.join('\n')}\n---\n` : '';
  }

  /** The body under one heading: paragraphs, maybe a list, maybe a block id. */
  section(from: number, blockId?: string): string {
    const rng = this.rng;
    const out: string[] = [];
    let text = this.paragraph(from, rng.int(2, 3));
    if (blockId) text += ` ^${blockId}`;
    out.push(text);
    if (rng.chance(0.35)) out.push(this.list(from));
    return out.join('\n\n');
  }

  note(p: NotePlan, targetSize: number): string {
    const rng = this.rng;
    const out: string[] = [];
    const intro = this.paragraph(p.index, rng.int(2, 3));
    out.push(rng.chance(0.3) ? `${intro} #${rng.pick(TAGS)}` : intro);
    if (p.kind === 'note' && rng.chance(0.04)) out.push(`![[${this.nameOf(this.pickNote(p.index))}]]`);
    if (p.kind === 'note' && rng.chance(0.15) && p.headings.length) out.push(`Jump to [[#${rng.pick(p.headings).text}]] below.`);
    p.headings.forEach((heading, i) => {
      out.push(`${'#'.repeat(heading.depth)} ${heading.text}`);
      out.push(this.section(p.index, i === 0 ? p.blocks[0] : undefined));
    });
    // Pad towards the target size with more paragraphs in the last section.
    while (out.join('\n\n').length < targetSize) out.push(this.paragraph(p.index, 3));
    if (rng.chance(0.3)) out.push(`Related: ${this.link(p.index)}, ${this.link(p.index)}`);
    return out.join('\n\n');
  }

  book(p: NotePlan): string {
    const rng = this.rng;
    const out: string[] = [];
    out.push(`By #${rng.pick(AUTHORS)} & #${rng.pick(AUTHORS)}`);
    out.push(this.paragraph(p.index, 2));
    for (const chapter of p.chapters) {
      out.push(`# Chapter ${chapter.number}: ${chapter.title}`);
      out.push(this.paragraph(p.index, rng.int(1, 3)));
      for (const section of chapter.sections) {
        out.push(`## ${section}`);
        out.push(this.section(p.index));
        if (rng.chance(0.3)) out.push(`### ${this.serviceLink()}`);
      }
    }
    return out.join('\n\n');
  }

  serviceNote(p: NotePlan): string {
    const service = p.service!;
    const out: string[] = [`${service.name} in a sentence: ${service.summary.toLowerCase()}`, this.paragraph(p.index, 2)];
    for (const feature of service.features) {
      out.push(`## ${feature}`);
      out.push(this.section(p.index));
    }
    return out.join('\n\n');
  }
}

function catalogYaml(): string {
  const lines = ['# The services these notes talk about (generated by scripts/generate-vault.ts).', ''];
  for (const s of SERVICES) {
    lines.push(`- name: ${s.name}`);
    lines.push(`  aliases: [${s.aliases.join(', ')}]`);
    lines.push(`  category: ${JSON.stringify(s.category)}`);
    lines.push(`  summary: ${JSON.stringify(s.summary)}`);
    lines.push(`  docs: ${s.docs}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Generates the vault in memory. Same options → same files, byte for byte. */
export function generateVault(options: GenerateOptions): GeneratedVault {
  const count = Math.floor(options.notes);
  if (!Number.isFinite(count) || count < 1) throw new Error(`--notes must be a positive number, not ${options.notes}`);
  const withCatalog = options.catalog ?? true;
  const rng = new Rng(`${options.seed ?? 'quire'}:${count}`);
  const plans = plan(rng, count, withCatalog);
  const writer = new NoteWriter(rng, plans, withCatalog);
  const files: GeneratedVault = new Map();
  if (withCatalog) files.set('services.yaml', catalogYaml());
  for (const p of plans) {
    const body = p.kind === 'book' ? writer.book(p) : p.kind === 'service' ? writer.serviceNote(p) : writer.note(p, rng.int(1500, 2200));
    files.set(`${p.stem}.md`, `${writer.frontmatter(p)}${body}\n`);
  }
  return files;
}

/**
 * The shapes of vault the generator makes: `synthetic`, one person's study notes in even folders (this
 * file); `community`, a large shared vault with two huge folders and template headings
 * (generate-community-vault.ts).
 */
export const PROFILES = {
  synthetic: generateVault,
  community: (options: GenerateOptions) => generateCommunityVault(options),
} satisfies Record<string, (options: GenerateOptions) => GeneratedVault>;
export type Profile = keyof typeof PROFILES;

const MARKER = '.quire-synthetic-vault';

/** Writes a generated vault into `dir`, which must be empty or missing (or an earlier generated vault, with `force`). */
export function writeVault(files: GeneratedVault, dir: string, force = false): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!force) throw new Error(`${dir} is not empty; choose an empty folder or pass --force to replace a vault generated earlier`);
    if (!existsSync(path.join(dir, MARKER))) throw new Error(`${dir} was not made by this generator (no ${MARKER}); refusing to delete it`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, MARKER), 'Generated by scripts/generate-vault.ts; safe to delete.\n');
  for (const [file, text] of files) {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

function parseArgs(argv: string[]): { notes: number; out: string; seed: string; catalog: boolean; force: boolean; profile: string } {
  const args = { notes: NaN, out: '', seed: 'quire', catalog: true, force: false, profile: 'synthetic' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--notes') args.notes = Number(value().replace(/[_,]/g, ''));
    else if (flag === '--out') args.out = value();
    else if (flag === '--seed') args.seed = value();
    else if (flag === '--no-catalog') args.catalog = false;
    else if (flag === '--force') args.force = true;
    else if (flag === '--profile') args.profile = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node scripts/generate-vault.ts --notes <n> --out <dir> [--profile synthetic|community] [--seed <text>] [--no-catalog] [--force]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!args.out) throw new Error('--out <dir> is required');
  if (!(args.notes >= 1)) throw new Error('--notes <n> is required (a positive number)');
  if (!(args.profile in PROFILES)) throw new Error(`--profile must be one of ${Object.keys(PROFILES).join(', ')}`);
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const started = performance.now();
    const files = PROFILES[args.profile as Profile]({ notes: args.notes, seed: args.seed, catalog: args.catalog });
    const out = path.resolve(args.out);
    writeVault(files, out, args.force);
    let bytes = 0;
    for (const text of files.values()) bytes += Buffer.byteLength(text);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`Wrote ${files.size} files (${(bytes / 1024 / 1024).toFixed(1)} MB) to ${out} in ${seconds} s`);
  } catch (error) {
    console.error(`generate-vault: ${(error as Error).message}`);
    process.exit(1);
  }
}
