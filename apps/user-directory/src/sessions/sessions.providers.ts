import { Provider } from '@nestjs/common';
import { SessionTrackingRepository } from './session-tracking.repository';
import { UserSessions } from './user-sessions';

/** Session tracking's repository and the helper its use cases and the sign-in share (ADR 0080). */
export const sessionsProviders: Provider[] = [SessionTrackingRepository, UserSessions];
