namespace BindingStyles.Native
{
    public unsafe struct iovec
    {
        public void* iov_base;
        public size_t iov_len;
    }

    /// <summary>struct msghdr with the C layout of a 64-bit Linux: natural alignment pads after msg_namelen.</summary>
    public unsafe struct msghdr
    {
        public void* msg_name;
        public socklen_t msg_namelen;
        public iovec* msg_iov;
        public size_t msg_iovlen;
        public void* msg_control;
        public size_t msg_controllen;
        public int msg_flags;
    }

    public struct mmsghdr
    {
        public msghdr msg_hdr;
        public uint msg_len;
    }

    public struct cmsghdr
    {
        public size_t cmsg_len;
        public int cmsg_level;
        public int cmsg_type;
    }

    public struct timespec
    {
        public long tv_sec;
        public long tv_nsec;
    }

    /// <summary>struct file_handle followed by room for MAX_HANDLE_SZ (128) bytes of handle.</summary>
    public unsafe struct file_handle
    {
        public uint handle_bytes;
        public int handle_type;
        public fixed byte f_handle[128];
    }
}
