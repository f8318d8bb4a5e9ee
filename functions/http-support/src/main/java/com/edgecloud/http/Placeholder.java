package com.edgecloud.http; final class Placeholder {}
