#pragma once
// Happens-before hints for ThreadSanitizer. Debian's Qt is not instrumented, so TSan cannot see
// that QThreadPool::start() hands a runnable to a (possibly reused) pool thread under Qt's own
// lock, and reports the runnable's captures as a race. We announce that hand-off ourselves:
// release before start(), acquire first thing in the runnable. No effect in normal builds.

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void *address);
extern "C" void __tsan_release(void *address);
#define GW_TSAN_RELEASE(address) __tsan_release(address)
#define GW_TSAN_ACQUIRE(address) __tsan_acquire(address)
#else
#define GW_TSAN_RELEASE(address) ((void)(address))
#define GW_TSAN_ACQUIRE(address) ((void)(address))
#endif
