// Time left until a token's `exp`, split for the live countdown. Pure: `now` is passed in.
export interface Countdown {
  expired: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function countdownTo(expiresAtMs: number, nowMs: number): Countdown {
  const total = Math.floor((expiresAtMs - nowMs) / 1000);
  if (total <= 0) return { expired: true, days: 0, hours: 0, minutes: 0, seconds: 0 };
  return {
    expired: false,
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
  };
}
