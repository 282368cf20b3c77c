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
  const response = await fetch(`api/${path}`, { headers: { Accept: 'application/json' } })
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
