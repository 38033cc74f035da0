// The whole IPC surface in one place: every channel the renderer may call and every event main
// may push. Each namespace lives in its own file under ./channels; this module only merges them.
// Adding a channel = add it to a namespace file; main must then register a handler (a test checks
// that every channel has exactly one).
import type { Bridge } from './kit';
import { appChannels, appEvents } from './channels/app';
import { settingsChannels, settingsEvents } from './channels/settings';
import { profilesChannels, profilesEvents } from './channels/profiles';
import { tokenChannels, tokenEvents } from './channels/token';
import { shellChannels, shellEvents } from './channels/shell';
import { activityChannels, activityEvents } from './channels/activity';
import { jobsChannels, jobsEvents } from './channels/jobs';
import { viewsChannels, viewsEvents } from './channels/views';
import { connectionChannels, connectionEvents } from './channels/connection';
import { capabilitiesChannels, capabilitiesEvents } from './channels/capabilities';
import { driversChannels, driversEvents } from './channels/drivers';
import { installationsChannels, installationsEvents } from './channels/installations';
import { eventsChannels, eventsEvents } from './channels/events';
import { webhooksChannels, webhooksEvents } from './channels/webhooks';
import { overviewChannels, overviewEvents } from './channels/overview';
import { payloadIndexChannels, payloadIndexEvents } from './channels/payload-index';
import { namesChannels, namesEvents } from './channels/names';

export const contract = {
  ...appChannels,
  ...settingsChannels,
  ...profilesChannels,
  ...tokenChannels,
  ...shellChannels,
  ...activityChannels,
  ...jobsChannels,
  ...viewsChannels,
  ...connectionChannels,
  ...capabilitiesChannels,
  ...driversChannels,
  ...installationsChannels,
  ...eventsChannels,
  ...webhooksChannels,
  ...overviewChannels,
  ...payloadIndexChannels,
  ...namesChannels,
} as const;

export const mainEvents = {
  ...appEvents,
  ...settingsEvents,
  ...profilesEvents,
  ...tokenEvents,
  ...shellEvents,
  ...activityEvents,
  ...jobsEvents,
  ...viewsEvents,
  ...connectionEvents,
  ...capabilitiesEvents,
  ...driversEvents,
  ...installationsEvents,
  ...eventsEvents,
  ...webhooksEvents,
  ...overviewEvents,
  ...payloadIndexEvents,
  ...namesEvents,
} as const;

export type Contract = typeof contract;
export type MainEvents = typeof mainEvents;
export type ChannelName = keyof Contract & string;
export type EventName = keyof MainEvents & string;
export type IiBridge = Bridge<Contract, MainEvents>;
export const channelNames = Object.keys(contract) as ChannelName[];
