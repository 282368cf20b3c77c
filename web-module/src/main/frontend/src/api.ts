// The marketplace REST API, and its problem+json errors as exceptions with a title and detail.

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(`${title}: ${detail}`)
  }
}

export async function getJson<T>(path: string): Promise<T> {
  return send<T>('GET', path)
}

/**
 * Any request to the API, with the session cookie (same origin). A body is sent as JSON; 204 gives
 * undefined; anything not 2xx throws an {@link ApiProblem} with the problem+json title and detail.
 */
export async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`api/${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) {
    let title = `HTTP ${response.status}`
    let detail = response.statusText
    try {
      const problem = await response.json()
      title = problem.title ?? title
      detail = problem.detail ?? detail
    } catch {
      // not problem+json
    }
    throw new ApiProblem(response.status, title, detail)
  }
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

export interface Prices {
  perPointHour: number
  perMemoryGiBHour: number
  perDiskGiBHour: number
  perGpuHour: number
}

export interface NodeCard {
  id: string
  region: string
  tags: string[]
  description: string
  status: 'ONLINE' | 'OFFLINE'
  hardware: { cores: number; computePoints: number; memoryMiB: number; diskGiB: number; gpus: string[] }
  free: { cores: number; computePoints: number; memoryMiB: number; diskGiB: number; gpus: number; vms: number }
  pricePerPointHour: number
  priceList: Prices
  uptimePercent: number
  reputation: number
  totalVmsHosted: number
  successfulCompletions: number
  registeredAt: string
  badges: { code: string; label: string }[]
}

export interface ReputationComponent {
  name: string
  value?: number
  weight: number
  share: number
  inputs: Record<string, unknown>
  note: string
}

export interface NodeDetail extends NodeCard {
  policy: { tiers: string[]; runtimes: string[]; maxVms: number; outboundNetwork: boolean }
  uptimeByDay: { day: string; percent: number }[]
  reputationBreakdown: { score: number; components: ReputationComponent[] }
  reviews: { vmId: string; rating: number; comment?: string; createdAt: string }[]
}

export interface SearchPage {
  items: NodeCard[]
  page: number
  size: number
  total: number
}

export interface Template {
  slug: string
  name: string
  category: string
  description: string
  deployments: number
  rating: { count: number; average: number }
  vcpus: number
  memoryMiB: number
  diskGiB: number
  tier: string
  requiredTools: string[]
}

export interface TemplatePage {
  items: Template[]
  page: number
  size: number
  total: number
}

export interface Account {
  id: string
  displayName?: string
  contact?: string
  createdAt: string
  keys: { kind: string; value: string; addedAt: string }[]
  roles: string[]
}

export interface Session {
  id: string
  token?: string
  method: string
  expiresAt: string
  account?: Account
}

export interface Balance {
  asset: string
  decimals: number
  available: number
  held: number
  earned: number
  paying: number
  paid: number
}

export interface LedgerEntry {
  at: string
  movement: string
  account: string
  amount: number
  reference?: string
  key?: string
}

export interface Notice {
  kind: string
  message: string
  raisedAt: string
}

/** A VM's states; the first four are on the way to running, the last five are final or paused. */
export type VmState =
  | 'REQUESTED'
  | 'SCHEDULED'
  | 'PROVISIONING'
  | 'RUNNING'
  | 'STOPPING'
  | 'TERMINATED'
  | 'FAILED'
  | 'LOST'
  | 'SUSPENDED'

export interface Vm {
  id: string
  ownerAccountId: string
  name: string
  state: VmState
  stateReason?: string
  exitCode?: number
  nodeId?: string
  pricePerHour?: number
  vcpus: number
  memoryMiB: number
  diskGiB: number
  gpus: number
  tier: string
  runtime: string
  command: string
  template?: string
  region?: string
  createdAt: string
  startedAt?: string
  expiresAt?: string
  history: { from?: string; to: string; at: string; cause?: string }[]
}

export interface Charge {
  periodStart: string
  periodEnd: string
  pricePerHour: number
  held: number
  settled: boolean
  billedSeconds?: number
  charged?: number
  fee?: number
}

export interface Quote {
  nodeId: string
  region: string
  canHostNow: boolean
  reason?: string
  pricePerHour: number
  pricePerPeriod: number
}

export interface QuoteAnswer {
  billingPeriod: string
  billingPeriodSeconds: number
  quotes: Quote[]
  explanation?: string
}

export interface TemplateParameter {
  name: string
  description: string
  defaultValue?: string
  required: boolean
  secret: boolean
}

export interface TemplateDetail extends Template {
  command: string
  parameters: TemplateParameter[]
}

/** Where to deposit: the platform's address for the ERC-20 `token` on chain `chainId`. */
export interface DepositInfo {
  address: string
  token: string
  chainId: number
  confirmations: number
}
